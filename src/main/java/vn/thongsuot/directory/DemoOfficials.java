package vn.thongsuot.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Demo accounts: one official per unit a newcomer needs to walk an issue up the ladder in Hải Phòng
 * (31) and Lâm Đồng (68). User id {@code cb.<group id>}, password {@code demo}. Created only in the
 * demo profile ({@link DirectorySeeding}); outside it they are removed.
 */
@Component
class DemoOfficials {

  static final String PREFIX = "cb.";
  static final String PASSWORD = "demo";
  static final String EMAIL_DOMAIN = "@demo.thongsuot.vn";
  static final List<String> PROVINCES = List.of("31", "68");
  /** Wards, a commune and the special zones: 10507, 10525 and 22918 are the ones the docs walk through. */
  static final List<String> COMMUNES = List.of("10507", "10525", "10645", "11914", "22918", "22963", "23272");

  private final IdentityService identityService;

  DemoOfficials(IdentityService identityService) {
    this.identityService = identityService;
  }

  record Result(int created, int updated, int unchanged) {}

  static List<String> groupIds() {
    List<String> groups = new ArrayList<>();
    COMMUNES.forEach(code -> groups.add(UnitIds.commune(code)));
    for (String province : PROVINCES) {
      groups.add(UnitIds.provinceCommittee(province));
      UnitIds.PROVINCIAL_DEPARTMENTS.forEach(d -> groups.add(UnitIds.provinceDepartment(province, d)));
      groups.add(UnitIds.supervisorProvince(province));
    }
    UnitIds.MINISTRIES.forEach(d -> groups.add(UnitIds.ministry(d)));
    groups.add(UnitIds.GOVERNMENT_OFFICE);
    groups.add(UnitIds.NATIONAL_ASSEMBLY);
    groups.add(UnitIds.SUPERVISOR_CENTRAL);
    return groups;
  }

  static String userId(String groupId) {
    return PREFIX + groupId;
  }

  /** Creates missing accounts and memberships; a renamed unit renames its official. Needs the groups. */
  Result synchronize(UnitDirectory directory) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (String groupId : groupIds()) {
      String userId = userId(groupId);
      String lastName = directory.unitName(groupId);
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        user = identityService.newUser(userId);
        user.setFirstName("Cán bộ");
        user.setLastName(lastName);
        user.setEmail(userId + EMAIL_DOMAIN);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        created++;
      } else if (!lastName.equals(user.getLastName())) {
        user.setLastName(lastName);
        identityService.saveUser(user);
        updated++;
      } else {
        unchanged++;
      }
      if (identityService.createGroupQuery().groupId(groupId).groupMember(userId).count() == 0) {
        identityService.createMembership(userId, groupId);
      }
    }
    return new Result(created, updated, unchanged);
  }

  /** Outside the demo profile no demo account may log in: remove any an earlier demo run left. */
  int removeAll() {
    Set<String> removed = new HashSet<>();
    for (String groupId : groupIds()) {
      String userId = userId(groupId);
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user != null && user.getEmail() != null && user.getEmail().endsWith(EMAIL_DOMAIN)) {
        identityService.deleteUser(userId);
        removed.add(userId);
      }
    }
    return removed.size();
  }
}
