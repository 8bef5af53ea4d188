package vn.thongsuot.security;

import java.util.EnumSet;
import java.util.Set;
import vn.thongsuot.directory.UnitDirectory;
import vn.thongsuot.directory.UnitType;

/**
 * What a signed-in account may do with the engine, derived from its groups (its units). The door
 * ({@link EngineApiDoor}) grants each engine operation to a set of roles (docs/security.md).
 */
public enum Role {
  /** An official of a unit that works tasks: commune, department, committee, ministry, Government Office, National Assembly. */
  UNIT,
  /** An official of a commune: also files issues. */
  COMMUNE,
  /** A provincial or the central supervisor: reads its scope, works nothing. */
  SUPERVISOR,
  /** The central supervisor: also Cockpit, read only, with the country's statistics. */
  COCKPIT,
  /** An account of group {@code monitoring}: metrics and detailed health, for Prometheus. */
  MONITORING,
  /** Group {@code camunda-admin}: everything the engine allows. */
  ADMIN;

  /** Camunda's administrators' group. */
  public static final String ADMIN_GROUP = "camunda-admin";
  /** The group of monitoring accounts (a Prometheus scraper). */
  public static final String MONITORING_GROUP = "monitoring";

  static Set<Role> of(Iterable<String> groupIds, UnitDirectory directory) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String group : groupIds) {
      if (ADMIN_GROUP.equals(group)) {
        roles.add(ADMIN);
      } else if (MONITORING_GROUP.equals(group)) {
        roles.add(MONITORING);
      } else {
        directory.unit(group).map(unit -> unit.type()).ifPresent(type -> roles.addAll(of(type)));
      }
    }
    return roles;
  }

  private static Set<Role> of(UnitType type) {
    return switch (type) {
      case COMMUNE -> EnumSet.of(UNIT, COMMUNE);
      case SUPERVISOR_CENTRAL -> EnumSet.of(SUPERVISOR, COCKPIT);
      case SUPERVISOR_PROVINCE -> EnumSet.of(SUPERVISOR);
      case PROVINCE_COMMITTEE, PROVINCE_DEPARTMENT, MINISTRY, GOVERNMENT_OFFICE, NATIONAL_ASSEMBLY -> EnumSet.of(UNIT);
    };
  }
}
