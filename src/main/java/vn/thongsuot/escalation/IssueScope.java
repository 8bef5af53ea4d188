package vn.thongsuot.escalation;

import java.util.Set;

/**
 * Which issues an official may list, by the same rules as {@link IssueAccessRules#checkRead}: those
 * their commune filed, those of the provinces they supervise, those any of their units has held
 * (or holds), or all of them for the central supervisor and the administrator.
 */
record IssueScope(boolean everything, Set<String> communeCodes, Set<String> provinceCodes, Set<String> groups) {

  IssueScope {
    communeCodes = Set.copyOf(communeCodes);
    provinceCodes = Set.copyOf(provinceCodes);
    groups = Set.copyOf(groups);
  }

  static IssueScope all() {
    return new IssueScope(true, Set.of(), Set.of(), Set.of());
  }

  boolean isEmpty() {
    return !everything && communeCodes.isEmpty() && provinceCodes.isEmpty() && groups.isEmpty();
  }
}
