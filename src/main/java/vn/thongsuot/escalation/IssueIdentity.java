package vn.thongsuot.escalation;

import vn.thongsuot.directory.UnitIds;

/**
 * What an issue is and whose it is, as the server recorded it at filing ({@code ts_issue}): never
 * taken from a process variable, which a client might have set.
 */
public record IssueIdentity(String number, String communeCode, String provinceCode, String field, Urgency urgency) {

  public String communeGroup() {
    return UnitIds.commune(communeCode);
  }
}
