package vn.thongsuot.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls on behalf of the application rather than of the signed-in official: with no
 * authentication the engine checks no authorization. For what our own code has already decided
 * (grants of an issue, a check of who holds a task); the official's authentication is restored after.
 */
public final class AsTheSystem {

  private AsTheSystem() {}

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    call(identity, () -> {
      work.run();
      return null;
    });
  }
}
