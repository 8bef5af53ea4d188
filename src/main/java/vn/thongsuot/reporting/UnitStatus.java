package vn.thongsuot.reporting;

import java.util.Collection;

/**
 * The four-way status the Government Office's task tracker uses, for one responsible unit and the
 * issues of one province it held (or summed over a scope): answered on time and late within the
 * period, still open at the cut-off within its deadline and past it.
 */
public record UnitStatus(String provinceCode, String provinceName, String unitGroup, String unitKind,
    String unitName, int solvedOnTime, int solvedLate, int openWithinTerm, int openOverdue) {

  public int total() {
    return solvedOnTime + solvedLate + openWithinTerm + openOverdue;
  }

  /** Late or overdue over everything counted, in percent; null when there is nothing. */
  public Double overdueShare() {
    return total() == 0 ? null : 100.0 * (solvedLate + openOverdue) / total();
  }

  /** The sum of {@code statuses} as one line named {@code name}. */
  public static UnitStatus sum(String name, Collection<UnitStatus> statuses) {
    int onTime = 0;
    int late = 0;
    int within = 0;
    int overdue = 0;
    for (UnitStatus s : statuses) {
      onTime += s.solvedOnTime;
      late += s.solvedLate;
      within += s.openWithinTerm;
      overdue += s.openOverdue;
    }
    return new UnitStatus(null, null, null, null, name, onTime, late, within, overdue);
  }
}
