package vn.thongsuot.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking an official out. Failed logins are counted per
 * account and client address, and per client address alone: from the {@code threshold}-th failure in
 * a row further attempts of that pair are refused (429) for 1 s, doubling with each failure up to
 * 60 s, without the password being checked; once the wait has passed the right password works
 * again, and a success forgets the pair's failures. An address that fails on many accounts (one
 * guess at each, "password spraying") waits the same way from its {@code addressThreshold}-th
 * failure, except for the accounts that have logged in from it in the last twelve hours, so that the
 * colleagues behind one office's address keep working while a guesser among them waits. Somebody else guessing an official's
 * password from another address does not lock the official out (Camunda's own lockout, which did,
 * is switched off: application.yaml, {@code loginMaxAttempts}). Kept in memory per node; entries are
 * forgotten after a quiet quarter of an hour.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  static final Duration KNOWN_GOOD_FOR = Duration.ofHours(12);
  private static final int MAX_ENTRIES = 100_000;

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  /** Account and address pairs that logged in successfully, and when. */
  private final Map<String, Instant> knownGood = new ConcurrentHashMap<>();
  private final int threshold;
  private final int addressThreshold;
  private volatile Clock clock = Clock.systemUTC();
  private final Counter failed;
  private final Counter throttled;

  LoginThrottle(@Value("${thongsuot.login.throttle-from:5}") int threshold,
      @Value("${thongsuot.login.throttle-address-from:20}") int addressThreshold, MeterRegistry meters) {
    this.threshold = threshold;
    this.addressThreshold = addressThreshold;
    this.failed = Counter.builder("thongsuot.login.failures").tag("outcome", "wrong_password")
        .description("Failed logins (wrong password or unknown account)").register(meters);
    this.throttled = Counter.builder("thongsuot.login.failures").tag("outcome", "throttled")
        .description("Login attempts refused without a password check, during a wait after failures")
        .register(meters);
  }

  /** Tests let a wait pass without sleeping. */
  void useClock(Clock clock) {
    this.clock = clock;
  }

  /** Forgets every failure (tests). */
  void forgetAll() {
    failures.clear();
    knownGood.clear();
  }

  /** How long this attempt must wait (zero: go ahead and check the password). */
  public Duration waitBefore(String userId, String address) {
    Instant now = clock.instant();
    String pair = pairKey(userId, address);
    Instant good = knownGood.get(pair);
    boolean known = good != null && good.plus(KNOWN_GOOD_FOR).isAfter(now);
    Duration wait = known ? remaining(pair, now)
        : longest(remaining(pair, now), remaining(addressKey(address), now));
    if (!wait.isZero()) {
      throttled.increment();
      LOG.warn("Login for '{}' from {} refused without checking: {} s to wait after failed attempts",
          printable(userId), address, Math.max(1, wait.toSeconds()));
    }
    return wait;
  }

  public void failed(String userId, String address) {
    Instant now = clock.instant();
    failed.increment();
    int inARow = record(pairKey(userId, address), threshold, now);
    record(addressKey(address), addressThreshold, now);
    LOG.warn("Failed login for '{}' from {} ({} in a row)", printable(userId), address, inARow);
  }

  public void succeeded(String userId, String address) {
    String pair = pairKey(userId, address);
    failures.remove(pair);
    if (knownGood.size() >= MAX_ENTRIES) {
      knownGood.clear();
    }
    knownGood.put(pair, clock.instant());
  }

  private int record(String key, int from, Instant now) {
    if (failures.size() >= MAX_ENTRIES) {
      forgetQuiet(now);
    }
    return failures.compute(key, (k, earlier) -> {
      Failures previous = earlier == null || earlier.forgotten(now) ? new Failures(0, now, null) : earlier;
      int count = previous.count() + 1;
      Instant until = count >= from ? now.plus(wait(count - from)) : null;
      return new Failures(count, now, until);
    }).count();
  }

  static Duration wait(int doublings) {
    long seconds = FIRST_WAIT.toSeconds() << Math.min(doublings, 10);
    return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
  }

  private Duration remaining(String key, Instant now) {
    Failures entry = failures.get(key);
    if (entry == null || entry.until() == null || !entry.until().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, entry.until());
  }

  private void forgetQuiet(Instant now) {
    for (Iterator<Failures> entries = failures.values().iterator(); entries.hasNext(); ) {
      if (entries.next().forgotten(now)) {
        entries.remove();
      }
    }
    if (failures.size() >= MAX_ENTRIES) {
      failures.clear();
    }
  }

  private static Duration longest(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String pairKey(String userId, String address) {
    return "u:" + address + "|" + userId;
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }

  /** A user id as typed by whoever tries to log in, safe for one log line. */
  static String printable(String userId) {
    String shown = userId.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
    return shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
  }

  private record Failures(int count, Instant last, Instant until) {
    boolean forgotten(Instant now) {
      return last.plus(FORGET_AFTER).isBefore(now) && (until == null || until.isBefore(now));
    }
  }
}
