package vn.thongsuot.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Makes every unit of the directory a Camunda group. Reads the existing groups once and writes only
 * the difference: a new unit is created, a renamed one gets its new name; memberships are never
 * touched, and a group the CSV no longer lists is kept (tasks and history still name it).
 */
@Component
class UnitGroups {

  /** Page size for reading existing groups; matches queryMaxResultsLimit in application.yaml. */
  static final int PAGE = 2000;

  private final IdentityService identityService;

  UnitGroups(IdentityService identityService) {
    this.identityService = identityService;
  }

  record Result(int created, int renamed, int unchanged) {}

  Result synchronize(UnitDirectory directory) {
    Map<String, Group> existing = existingGroups();
    int created = 0;
    int renamed = 0;
    int unchanged = 0;
    for (Unit unit : directory.units()) {
      Group group = existing.get(unit.groupId());
      if (group == null) {
        group = identityService.newGroup(unit.groupId());
        group.setName(unit.name());
        group.setType(unit.type().name());
        identityService.saveGroup(group);
        created++;
      } else if (!unit.name().equals(group.getName()) || !unit.type().name().equals(group.getType())) {
        group.setName(unit.name());
        group.setType(unit.type().name());
        identityService.saveGroup(group);
        renamed++;
      } else {
        unchanged++;
      }
    }
    return new Result(created, renamed, unchanged);
  }

  private Map<String, Group> existingGroups() {
    Map<String, Group> groups = new HashMap<>();
    List<Group> page;
    int first = 0;
    do {
      page = identityService.createGroupQuery().orderByGroupId().asc().listPage(first, PAGE);
      page.forEach(group -> groups.put(group.getId(), group));
      first += PAGE;
    } while (page.size() == PAGE);
    return groups;
  }
}
