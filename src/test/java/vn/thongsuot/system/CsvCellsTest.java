package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a spreadsheet would run as a formula reaches it as text. */
class CsvCellsTest {

  @Test
  void formulaPrefixesAreDefusedAlsoAfterLeadingWhitespaceAndControls() {
    assertThat(CsvCells.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvCells.cell("+1")).isEqualTo("'+1");
    assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("  =1+1")).isEqualTo("'  =1+1");
    assertThat(CsvCells.cell("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(CsvCells.cell("\n=cmd|' /C calc'!A0")).isEqualTo("\"'\n=cmd|' /C calc'!A0\"");
    assertThat(CsvCells.cell("=1\n2")).isEqualTo("\"'=1\n2\"");
  }

  @Test
  void ordinaryTextsStayAsTheyAre() {
    assertThat(CsvCells.cell("Phường Thành Đông")).isEqualTo("Phường Thành Đông");
    assertThat(CsvCells.cell("Hải Phòng, Lâm Đồng")).isEqualTo("\"Hải Phòng, Lâm Đồng\"");
    assertThat(CsvCells.cell("a-b")).isEqualTo("a-b");
    assertThat(CsvCells.cell("")).isEmpty();
    assertThat(CsvCells.cell(null)).isEmpty();
  }
}
