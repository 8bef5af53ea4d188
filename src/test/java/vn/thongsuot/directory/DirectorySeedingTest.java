package vn.thongsuot.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thongsuot.AppTest;

/**
 * Seeding against the real engine. Tests that change the directory run in a transaction they roll
 * back, so the shared application context keeps the shipped directory.
 */
@AppTest
class DirectorySeedingTest {

  @Autowired UnitDirectory directory;
  @Autowired UnitGroups groups;
  @Autowired SharedFilters filters;
  @Autowired UnitAuthorizations authorizations;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DirectorySeeding seeding;

  @Test
  void everyUnitIsAGroupWithItsOfficialNameAndLevel() {
    Map<UnitType, Long> expected = Map.of(UnitType.COMMUNE, 3321L, UnitType.PROVINCE_COMMITTEE, 34L,
        UnitType.PROVINCE_DEPARTMENT, 34L * 11, UnitType.SUPERVISOR_PROVINCE, 34L, UnitType.MINISTRY, 10L,
        UnitType.GOVERNMENT_OFFICE, 1L, UnitType.NATIONAL_ASSEMBLY, 1L, UnitType.SUPERVISOR_CENTRAL, 1L);
    expected.forEach((type, count) ->
        assertThat(identityService.createGroupQuery().groupType(type.name()).count()).as(type.name())
            .isEqualTo(count));
    assertThat(group("commune-10507").getName()).isEqualTo("UBND Phường Thành Đông");
    assertThat(group("province-31-finance").getName()).isEqualTo("Sở Tài chính Thành phố Hải Phòng");
    assertThat(group("province-31-committee").getName()).isEqualTo("UBND Thành phố Hải Phòng");
    assertThat(group("ministry-finance").getName()).isEqualTo("Bộ Tài chính");
    assertThat(group("government-office").getType()).isEqualTo("GOVERNMENT_OFFICE");
    assertThat(group("supervisor-central").getName())
        .isEqualTo("Ban Tổ chức Trung ương / Ủy ban Kiểm tra Trung ương");
  }

  @Test
  void aSecondRunFindsEverythingInPlaceAndChangesNothing() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.executeWithoutResult(status -> {
      assertThat(groups.synchronize(directory)).isEqualTo(new UnitGroups.Result(0, 0, 3776));
      SharedFilters.Result filterResult = filters.synchronize();
      assertThat(filterResult.created() + filterResult.updated()).isZero();
      UnitAuthorizations.Result grants = authorizations.synchronize(directory, filterResult);
      assertThat(grants.created() + grants.extended()).isZero();
      assertThat(grants.unchanged()).as("6 per unit, filing for communes, 5 central, 2 supervisor filters")
          .isEqualTo(3776 * 6 + 3321 + 5 + 35 * 2);
      status.setRollbackOnly();
    });
  }

  @Test
  void aRenamedAndAnAddedUnitAreAppliedWithoutTouchingMemberships() throws Exception {
    UnitDirectory changed = UnitDirectory.fromCsv(new StringReader(shippedCsv()
        .replace(",10507,Phường Thành Đông,", ",10507,Phường Thành Đông Mới,")
        + "31,Thành phố Hải Phòng,Haiphong City,Thành phố,99998,Xã Thử Nghiệm,Thu Nghiem Commune,Xã\n"));
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.executeWithoutResult(status -> {
      assertThat(groups.synchronize(changed)).isEqualTo(new UnitGroups.Result(1, 1, 3775));
      assertThat(group("commune-10507").getName()).isEqualTo("UBND Phường Thành Đông Mới");
      assertThat(group("commune-99998").getName()).isEqualTo("UBND Xã Thử Nghiệm");
      assertThat(group("commune-99998").getType()).isEqualTo("COMMUNE");
      assertThat(identityService.createUserQuery().memberOfGroup("commune-10507").list())
          .extracting(user -> user.getId()).containsExactly(THANH_DONG);

      UnitAuthorizations.Result grants =
          authorizations.synchronize(changed, filters.synchronize());
      assertThat(grants.created()).as("tasklist, 4 filters, file the process, create its instance").isEqualTo(7);
      assertThat(authorizationService.isUserAuthorized("someone", List.of("commune-99998"),
          Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, UnitAuthorizations.ESCALATION_PROCESS))
          .isTrue();
      status.setRollbackOnly();
    });
    assertThat(group("commune-10507").getName()).isEqualTo("UBND Phường Thành Đông");
  }

  @Test
  void aGrantDeletedOrNarrowedSinceTheLastStartIsRestored() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.executeWithoutResult(status -> {
      Authorization tasklist = authorizationService.createAuthorizationQuery().groupIdIn("commune-10507")
          .resourceType(Resources.APPLICATION).resourceId(UnitAuthorizations.TASKLIST).singleResult();
      authorizationService.deleteAuthorization(tasklist.getId());
      Authorization filing = authorizationService.createAuthorizationQuery().groupIdIn("commune-10525")
          .resourceType(Resources.PROCESS_DEFINITION).resourceId(UnitAuthorizations.ESCALATION_PROCESS)
          .singleResult();
      filing.removePermission(Permissions.CREATE_INSTANCE);
      authorizationService.saveAuthorization(filing);

      UnitAuthorizations.Result repaired = authorizations.synchronize(directory, filters.synchronize());
      assertThat(repaired.created()).isEqualTo(1);
      assertThat(repaired.extended()).isEqualTo(1);
      assertThat(authorizationService.isUserAuthorized("x", List.of("commune-10507"), Permissions.ACCESS,
          Resources.APPLICATION, UnitAuthorizations.TASKLIST)).isTrue();
      assertThat(authorizationService.isUserAuthorized("x", List.of("commune-10525"), Permissions.CREATE_INSTANCE,
          Resources.PROCESS_DEFINITION, UnitAuthorizations.ESCALATION_PROCESS)).isTrue();
      assertThat(authorizations.synchronize(directory, filters.synchronize()).created()).isZero();
      status.setRollbackOnly();
    });
  }

  @Test
  void twoNodesSeedingOneDatabaseAtOnceBothStartAndEachRowExistsOnce() throws Exception {
    UnitDirectory withNewCommune = UnitDirectory.fromCsv(new StringReader(shippedCsv()
        + "31,Thành phố Hải Phòng,Haiphong City,Thành phố,99997,Xã Song Song,Song Song Commune,Xã\n"));
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    Callable<Void> node = () -> {
      go.await();
      seeding.seed(withNewCommune);
      return null;
    };
    try {
      Future<Void> first = nodes.submit(node);
      Future<Void> second = nodes.submit(node);
      go.countDown();
      first.get(2, TimeUnit.MINUTES);
      second.get(2, TimeUnit.MINUTES);

      assertThat(identityService.createGroupQuery().groupId("commune-99997").count()).isEqualTo(1);
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn("commune-99997")
          .resourceType(Resources.APPLICATION).resourceId(UnitAuthorizations.TASKLIST).count()).isEqualTo(1);
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn("commune-99997")
          .resourceType(Resources.FILTER).count()).isEqualTo(4);
    } finally {
      nodes.shutdownNow();
      authorizationService.createAuthorizationQuery().groupIdIn("commune-99997").list()
          .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
      identityService.deleteGroup("commune-99997");
    }
  }

  private Group group(String id) {
    return identityService.createGroupQuery().groupId(id).singleResult();
  }

  private static String shippedCsv() throws Exception {
    try (InputStream in = UnitDirectory.class.getClassLoader().getResourceAsStream(UnitDirectory.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
  }
}
