package vn.thongsuot.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitIdsTest {

  @Test
  void buildsTheGroupIdsOfTheScheme() {
    assertThat(UnitIds.commune("10507")).isEqualTo("commune-10507");
    assertThat(UnitIds.provinceCommittee("31")).isEqualTo("province-31-committee");
    assertThat(UnitIds.provinceDepartment("31", "finance")).isEqualTo("province-31-finance");
    assertThat(UnitIds.provinceDepartment("68", "office")).isEqualTo("province-68-office");
    assertThat(UnitIds.ministry("culture-sports-tourism")).isEqualTo("ministry-culture-sports-tourism");
    assertThat(UnitIds.supervisorProvince("31")).isEqualTo("supervisor-province-31");
    assertThat(UnitIds.GOVERNMENT_OFFICE).isEqualTo("government-office");
    assertThat(UnitIds.NATIONAL_ASSEMBLY).isEqualTo("national-assembly");
    assertThat(UnitIds.SUPERVISOR_CENTRAL).isEqualTo("supervisor-central");
  }

  @Test
  void listsElevenProvincialDepartmentsAndTenMinistries() {
    assertThat(UnitIds.PROVINCIAL_DEPARTMENTS).containsExactly("office", "finance", "home-affairs",
        "justice", "construction", "agriculture-environment", "industry-trade", "science-technology",
        "education-training", "health", "culture-sports-tourism");
    assertThat(UnitIds.MINISTRIES).hasSize(10).doesNotContain("office");
  }

  @Test
  void refusesAnUnknownDepartment() {
    assertThatThrownBy(() -> UnitIds.provinceDepartment("31", "police"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("police");
  }

  @Test
  void refusesAMinistryForTheOffice() {
    assertThatThrownBy(() -> UnitIds.ministry("office"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("government-office");
  }

  @Test
  void refusesCodesOfTheWrongShape() {
    assertThatThrownBy(() -> UnitIds.commune("31")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitIds.commune("10507-x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitIds.provinceCommittee("310")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitIds.supervisorProvince(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheCommuneCodeBackFromAGroupId() {
    assertThat(UnitIds.communeCodeOf("commune-10507")).contains("10507");
    assertThat(UnitIds.communeCodeOf("province-31-committee")).isEmpty();
    assertThat(UnitIds.communeCodeOf("commune-")).isEmpty();
    assertThat(UnitIds.communeCodeOf("commune-10507x")).isEmpty();
    assertThat(UnitIds.communeCodeOf(null)).isEmpty();
  }
}
