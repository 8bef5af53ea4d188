package vn.thongsuot.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thongsuot.AppTest;

@AppTest
class DemoOfficialsTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired DemoOfficials demoOfficials;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void everyDemoOfficialLogsInWithPasswordDemoAndBelongsToTheirUnitOnly() {
    EngineRest rest = new EngineRest(http);
    assertThat(DemoOfficials.groupIds()).hasSize(46).contains("commune-10507", "commune-10525",
        "commune-22918", "province-31-finance", "province-68-culture-sports-tourism", "province-31-committee",
        "ministry-finance", "government-office", "national-assembly", "supervisor-central",
        "supervisor-province-31", "supervisor-province-68");
    for (String groupId : DemoOfficials.groupIds()) {
      String userId = "cb." + groupId;
      EngineRest.Response profile = rest.get(userId, "/user/" + userId + "/profile");
      assertThat(profile.status()).as(userId).isEqualTo(200);
      assertThat(profile.body().path("firstName").asText()).isEqualTo("Cán bộ");
      assertThat(profile.body().path("lastName").asText()).isEqualTo(
          identityService.createGroupQuery().groupId(groupId).singleResult().getName());
      assertThat(profile.body().path("email").asText()).isEqualTo(userId + "@demo.thongsuot.vn");
      assertThat(identityService.createGroupQuery().groupMember(userId).list())
          .extracting(group -> group.getId()).containsExactly(groupId);
    }
    assertThat(rest.call(THANH_DONG, "wrong", HttpMethod.GET, "/user/cb.commune-10507/profile", null)
        .status()).isEqualTo(401);
  }

  @Test
  void demoOfficialsAreCreatedOnlyWithTheDemoProfileAndTheDemoProperty() {
    assertThat(DirectorySeeding.demoAccountsWanted(new MockEnvironment()
        .withProperty("thongsuot.demo.enabled", "true"))).as("property without the demo profile").isFalse();
    MockEnvironment demoProfile = new MockEnvironment();
    demoProfile.setActiveProfiles("demo");
    assertThat(DirectorySeeding.demoAccountsWanted(demoProfile)).as("profile without the property").isFalse();
    demoProfile.withProperty("thongsuot.demo.enabled", "true");
    assertThat(DirectorySeeding.demoAccountsWanted(demoProfile)).isTrue();
  }

  @Test
  void outsideTheDemoProfileEveryDemoOfficialIsRemoved() {
    identityService.saveUser(otherUser());
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      assertThat(demoOfficials.removeAll()).isEqualTo(46);
      assertThat(identityService.createUserQuery().userIdIn(DemoOfficials.groupIds().stream()
          .map(DemoOfficials::userId).toArray(String[]::new)).count()).isZero();
      assertThat(identityService.createUserQuery().userId("nguyen.van.a").count())
          .as("a real official is kept").isEqualTo(1);
      status.setRollbackOnly();
    });
    identityService.deleteUser("nguyen.van.a");
    assertThat(identityService.createUserQuery().userId(THANH_DONG).count()).isEqualTo(1);
  }

  private User otherUser() {
    User user = identityService.newUser("nguyen.van.a");
    user.setFirstName("Văn A");
    user.setLastName("Nguyễn");
    user.setEmail("nguyen.van.a@haiphong.gov.vn");
    user.setPassword("a-long-password");
    return user;
  }
}
