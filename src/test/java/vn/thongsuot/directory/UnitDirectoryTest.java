package vn.thongsuot.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UnitDirectoryTest {

  private static final UnitDirectory DIRECTORY = UnitDirectory.fromClasspath();

  @Test
  void loads34ProvincesAnd3321CommuneLevelUnits() {
    assertThat(DIRECTORY.provinces()).hasSize(34);
    assertThat(DIRECTORY.communeCount()).isEqualTo(3321);
    Map<String, Long> byType = DIRECTORY.provinces().stream()
        .flatMap(p -> DIRECTORY.communesOf(p.code()).stream())
        .collect(Collectors.groupingBy(Commune::type, Collectors.counting()));
    assertThat(byType).containsEntry("Xã", 2611L).containsEntry("Phường", 697L).containsEntry("Đặc khu", 13L);
  }

  @Test
  void looksUpACommuneWithItsProvince() {
    Commune thanhDong = DIRECTORY.commune("10507").orElseThrow();
    assertThat(thanhDong.name()).isEqualTo("Phường Thành Đông");
    assertThat(thanhDong.nameEn()).isEqualTo("Thanh Dong Ward");
    assertThat(thanhDong.type()).isEqualTo("Phường");
    assertThat(thanhDong.province())
        .isEqualTo(new Province("31", "Thành phố Hải Phòng", "Haiphong City", "Thành phố"));
    assertThat(DIRECTORY.commune("99999")).isEmpty();
  }

  @Test
  void listsAProvincesCommunes() {
    assertThat(DIRECTORY.communesOf("31")).hasSize(114)
        .allSatisfy(c -> assertThat(c.province().code()).isEqualTo("31"))
        .extracting(Commune::code).contains("10507", "10525");
    assertThat(DIRECTORY.communesOf("68")).extracting(Commune::name).contains("Phường Mũi Né");
    assertThat(DIRECTORY.communesOf("00")).isEmpty();
  }

  @Test
  void namesEveryUnitOfTheScheme() {
    assertThat(DIRECTORY.unitName("commune-10507")).isEqualTo("UBND Phường Thành Đông");
    assertThat(DIRECTORY.unitName("province-31-committee")).isEqualTo("UBND Thành phố Hải Phòng");
    assertThat(DIRECTORY.unitName("province-31-office")).isEqualTo("Văn phòng UBND Thành phố Hải Phòng");
    assertThat(DIRECTORY.unitName("province-31-finance")).isEqualTo("Sở Tài chính Thành phố Hải Phòng");
    assertThat(DIRECTORY.unitName("province-68-agriculture-environment"))
        .isEqualTo("Sở Nông nghiệp và Môi trường Tỉnh Lâm Đồng");
    assertThat(DIRECTORY.unitName("ministry-finance")).isEqualTo("Bộ Tài chính");
    assertThat(DIRECTORY.unitName("ministry-culture-sports-tourism")).isEqualTo("Bộ Văn hóa, Thể thao và Du lịch");
    assertThat(DIRECTORY.unitName("ministry-industry-trade")).isEqualTo("Bộ Công Thương");
    assertThat(DIRECTORY.unitName("government-office")).isEqualTo("Văn phòng Chính phủ");
    assertThat(DIRECTORY.unitName("national-assembly")).isEqualTo("Quốc hội");
    assertThat(DIRECTORY.unitName("supervisor-central"))
        .isEqualTo("Ban Tổ chức Trung ương / Ủy ban Kiểm tra Trung ương");
    assertThat(DIRECTORY.unitName("supervisor-province-31"))
        .isEqualTo("Ban Tổ chức Thành ủy Hải Phòng / Ủy ban Kiểm tra Thành ủy Hải Phòng");
    assertThat(DIRECTORY.unitName("supervisor-province-68"))
        .isEqualTo("Ban Tổ chức Tỉnh ủy Lâm Đồng / Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng");
  }

  @Test
  void refusesToNameAnUnknownGroup() {
    for (String unknown : new String[] {"commune-99999", "province-00-committee", "ministry-office",
        "province-31-police", "camunda-admin", ""}) {
      assertThatThrownBy(() -> DIRECTORY.unitName(unknown))
          .as(unknown).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void hasOneGroupPerCommuneThirteenPerProvinceAndThirteenCentral() {
    Map<UnitType, Long> byType = DIRECTORY.units().stream()
        .collect(Collectors.groupingBy(Unit::type, Collectors.counting()));
    assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(
        UnitType.COMMUNE, 3321L,
        UnitType.PROVINCE_COMMITTEE, 34L,
        UnitType.PROVINCE_DEPARTMENT, 34L * 11,
        UnitType.SUPERVISOR_PROVINCE, 34L,
        UnitType.MINISTRY, 10L,
        UnitType.GOVERNMENT_OFFICE, 1L,
        UnitType.NATIONAL_ASSEMBLY, 1L,
        UnitType.SUPERVISOR_CENTRAL, 1L));
    assertThat(DIRECTORY.units()).hasSize(3321 + 34 * 13 + 13);
    // Camunda stores a group name in 255 characters and its id in 64.
    assertThat(DIRECTORY.units()).allSatisfy(unit -> {
      assertThat(unit.name().length()).isLessThanOrEqualTo(255);
      assertThat(unit.groupId()).matches("[a-z0-9-]{1,64}");
    });
    Map<String, Unit> byId = DIRECTORY.units().stream()
        .collect(Collectors.toMap(Unit::groupId, Function.identity()));
    assertThat(byId.get("commune-22918").name()).isEqualTo("UBND Phường Mũi Né");
  }

  @Test
  void readsAChangedCsv() throws Exception {
    String csv = """
        province_code,province_name,province_name_en,province_type,unit_code,unit_name,unit_name_en,unit_type
        31,Thành phố Hải Phòng,Haiphong City,Thành phố,10507,Phường Thành Đông Mới,Thanh Dong Ward,Phường
        31,Thành phố Hải Phòng,Haiphong City,Thành phố,99998,Xã Thử Nghiệm,Thu Nghiem Commune,Xã
        """;
    UnitDirectory changed = UnitDirectory.fromCsv(new StringReader(csv));
    assertThat(changed.communeCount()).isEqualTo(2);
    assertThat(changed.unitName("commune-10507")).isEqualTo("UBND Phường Thành Đông Mới");
    assertThat(changed.communesOf("31")).extracting(Commune::code).containsExactly("10507", "99998");
  }

  @Test
  void refusesAMalformedCsv() {
    String csv = """
        province_code,province_name,province_name_en,province_type,unit_code,unit_name,unit_name_en,unit_type
        31,Thành phố Hải Phòng,Haiphong City,Thành phố,10507,"Phường Thành Đông, cũ",Thanh Dong Ward,Phường
        """;
    assertThatThrownBy(() -> UnitDirectory.fromCsv(new StringReader(csv)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    String duplicate = """
        province_code,province_name,province_name_en,province_type,unit_code,unit_name,unit_name_en,unit_type
        31,Thành phố Hải Phòng,Haiphong City,Thành phố,10507,Phường Thành Đông,Thanh Dong Ward,Phường
        31,Thành phố Hải Phòng,Haiphong City,Thành phố,10507,Phường Thành Đông,Thanh Dong Ward,Phường
        """;
    assertThatThrownBy(() -> UnitDirectory.fromCsv(new StringReader(duplicate)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10507");
  }
}
