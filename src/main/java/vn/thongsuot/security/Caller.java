package vn.thongsuot.security;

import java.util.List;
import java.util.Set;

/** Who sent an engine request: the signed-in account, its groups and what they let it do; or nobody. */
record Caller(String userId, List<String> groupIds, Set<Role> roles) {

  static final Caller ANONYMOUS = new Caller(null, List.of(), Set.of());

  boolean signedIn() {
    return userId != null;
  }

  boolean is(Role role) {
    return roles.contains(role);
  }

  boolean belongsToAny(Iterable<String> groups) {
    for (String group : groups) {
      if (groupIds.contains(group)) {
        return true;
      }
    }
    return false;
  }
}
