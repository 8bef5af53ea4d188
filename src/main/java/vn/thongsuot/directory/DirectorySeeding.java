package vn.thongsuot.directory;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the engine's groups, authorizations, shared filters and (demo profile) demo officials in
 * line with the directory, in one transaction, before the web server accepts requests: the engine
 * is built by then, and the web server starts in a later lifecycle phase.
 */
@Component
class DirectorySeeding implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DirectorySeeding.class);

  static final int ATTEMPTS = 3;

  private final UnitDirectory directory;
  private final UnitGroups groups;
  private final SharedFilters filters;
  private final UnitAuthorizations authorizations;
  private final DemoOfficials demoOfficials;
  private final TransactionTemplate transaction;
  private final JdbcTemplate jdbc;
  private final boolean demo;
  private volatile boolean running;

  DirectorySeeding(UnitDirectory directory, UnitGroups groups, SharedFilters filters,
      UnitAuthorizations authorizations, DemoOfficials demoOfficials,
      PlatformTransactionManager transactionManager, JdbcTemplate jdbc, Environment environment) {
    this.directory = directory;
    this.groups = groups;
    this.filters = filters;
    this.authorizations = authorizations;
    this.demoOfficials = demoOfficials;
    this.transaction = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
    this.demo = demoAccountsWanted(environment);
  }

  /** Both: the property alone (an environment variable in production) must not create accounts. */
  static boolean demoAccountsWanted(Environment environment) {
    return environment.acceptsProfiles(Profiles.of("demo"))
        && environment.getProperty("thongsuot.demo.enabled", Boolean.class, false);
  }

  @Override
  public void start() {
    seed(directory);
    running = true;
  }

  /**
   * Seeds in one transaction. On PostgreSQL the transaction first takes an advisory lock, so nodes
   * starting together on one database (first start of a cluster) seed one after the other and the
   * later ones find the rows in place. Still retried: on any database a failed attempt (a unique key,
   * a row version) rolls back and the next one starts from what is committed.
   */
  void seed(UnitDirectory units) {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.executeWithoutResult(status -> seedOnce(units));
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.warn("Directory seeding attempt {} of {} failed, retrying (another node seeding the same"
            + " database at the same time is the usual cause): {}", attempt, ATTEMPTS, e.toString());
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(500, 1500) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding the directory", e);
    }
  }

  private void seedOnce(UnitDirectory directory) {
    long started = System.nanoTime();
    serializeWithOtherNodes();
    UnitGroups.Result groupResult = groups.synchronize(directory);
    long afterGroups = System.nanoTime();
    SharedFilters.Result filterResult = filters.synchronize();
    UnitAuthorizations.Result grantResult =
        authorizations.synchronize(directory, filterResult);
    long afterGrants = System.nanoTime();
    LOG.info("Directory: {} units; groups created {}, renamed {}, unchanged {} ({} ms)",
        directory.units().size(), groupResult.created(), groupResult.renamed(),
        groupResult.unchanged(), millis(started, afterGroups));
    LOG.info("Directory: shared filters created {}, updated {}, unchanged {}; unit grants created {},"
            + " extended {}, unchanged {} ({}; {} ms)",
        filterResult.created(), filterResult.updated(), filterResult.unchanged(),
        grantResult.created(), grantResult.extended(), grantResult.unchanged(),
        grantResult.compared() ? "compared one by one" : "digest unchanged", millis(afterGroups, afterGrants));
    if (demo) {
      DemoOfficials.Result officials = demoOfficials.synchronize(directory);
      LOG.info("Directory (demo profile): demo officials created {}, renamed {}, unchanged {}",
          officials.created(), officials.updated(), officials.unchanged());
    } else {
      int removed = demoOfficials.removeAll();
      if (removed > 0) {
        LOG.warn("Directory: removed {} demo accounts left from a demo run: they have a known password"
            + " and must not exist outside the demo profile", removed);
      }
    }
    LOG.info("Directory seeded in {} ms", millis(started, System.nanoTime()));
  }

  /** Held until the seeding transaction ends; PostgreSQL only (H2 is one node's file). */
  private void serializeWithOtherNodes() {
    Boolean postgres = jdbc.execute((java.sql.Connection c) ->
        "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
    if (Boolean.TRUE.equals(postgres)) {
      jdbc.query("select pg_advisory_xact_lock(" + SEEDING_LOCK + ")", rs -> { });
    }
  }

  /** An application-wide advisory lock key ("TS", 2: the directory). */
  static final long SEEDING_LOCK = 0x5453_0002L;

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Early: before the web server (SmartLifecycle.DEFAULT_PHASE - 1024) opens its port. */
  @Override
  public int getPhase() {
    return 0;
  }
}
