package vn.thongsuot.reporting;

import java.time.Instant;

/**
 * One line of the outstanding-items annex: an issue open at the report's cut-off, who held it then
 * and until when, how many working days past that deadline at the cut-off, how many times it was
 * sent up the ladder and its deadline extended before the cut-off.
 */
public record OpenItem(String issueNumber, String provinceCode, String communeCode, String communeName,
    String fieldCode, String fieldName, String holderGroup, String holderName, Instant deadline, int daysOverdue,
    int escalations, int extensions) {}
