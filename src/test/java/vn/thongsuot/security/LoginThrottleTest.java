package vn.thongsuot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waits of the login throttle, on a clock the test moves. */
class LoginThrottleTest {

  Instant now = Instant.parse("2026-12-01T02:00:00Z");
  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  LoginThrottle throttle = new LoginThrottle(5, 20, meters);

  @BeforeEach
  void clock() {
    throttle.useClock(new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    });
  }

  @Test
  void fromTheFifthFailureInARowEachAttemptWaitsOneSecondDoublingToAMinute() {
    for (int failure = 1; failure <= 4; failure++) {
      throttle.failed(THANH_DONG, "10.0.0.1");
      assertThat(throttle.waitBefore(THANH_DONG, "10.0.0.1")).as("after failure %d", failure).isZero();
    }
    long[] waits = {1, 2, 4, 8, 16, 32, 60, 60};
    for (long expected : waits) {
      throttle.failed(THANH_DONG, "10.0.0.1");
      assertThat(throttle.waitBefore(THANH_DONG, "10.0.0.1")).isEqualTo(Duration.ofSeconds(expected));
      now = now.plusSeconds(expected);
      assertThat(throttle.waitBefore(THANH_DONG, "10.0.0.1")).as("once the wait has passed").isZero();
    }
    assertThat(meters.get("thongsuot.login.failures").tag("outcome", "wrong_password").counter().count()).isEqualTo(12);
    assertThat(meters.get("thongsuot.login.failures").tag("outcome", "throttled").counter().count()).isEqualTo(8);
  }

  @Test
  void anotherAddressAndASuccessAreNotHeldBack() {
    for (int i = 0; i < 10; i++) {
      throttle.failed(THANH_DONG, "10.9.9.66");
    }
    assertThat(throttle.waitBefore(THANH_DONG, "10.9.9.66")).isPositive();
    assertThat(throttle.waitBefore(THANH_DONG, "10.1.1.7")).as("the official's own address").isZero();
    now = now.plusSeconds(61);
    throttle.succeeded(THANH_DONG, "10.9.9.66");
    throttle.failed(THANH_DONG, "10.9.9.66");
    assertThat(throttle.waitBefore(THANH_DONG, "10.9.9.66")).as("the success forgot the failures").isZero();
  }

  @Test
  void anAddressGuessingAtManyAccountsWaitsButItsKnownOfficialsDoNot() {
    throttle.succeeded(FINANCE_DEPARTMENT, "10.2.2.2");
    for (int i = 0; i < 20; i++) {
      throttle.failed("cb.commune-" + (10000 + i), "10.2.2.2");
    }
    assertThat(throttle.waitBefore("cb.commune-10999", "10.2.2.2")).as("one more account sprayed").isPositive();
    assertThat(throttle.waitBefore(FINANCE_DEPARTMENT, "10.2.2.2")).as("a colleague behind the same address")
        .isZero();
    assertThat(throttle.waitBefore("cb.commune-10999", "10.3.3.3")).as("another address").isZero();
    now = now.plus(Duration.ofMinutes(16)).plusSeconds(60);
    throttle.failed("cb.commune-10998", "10.2.2.2");
    assertThat(throttle.waitBefore("cb.commune-10997", "10.2.2.2")).as("forgotten after a quiet quarter of an hour")
        .isZero();
  }

  @Test
  void aUserIdIsLoggedWithoutControlCharacters() {
    assertThat(LoginThrottle.printable("admin\r\nFAKE LOG LINE")).isEqualTo("admin??FAKE LOG LINE");
    assertThat(LoginThrottle.printable("x".repeat(100))).hasSize(65);
  }
}
