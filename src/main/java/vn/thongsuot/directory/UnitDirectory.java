package vn.thongsuot.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every province, commune-level unit and provincial/central body, with its group id and official
 * Vietnamese name. Loaded once, in memory, from the CSV in the application's own resources.
 */
@Component
public class UnitDirectory {

  static final String RESOURCE = "directory/vn-administrative-units-2025.csv";
  private static final String HEADER =
      "province_code,province_name,province_name_en,province_type,unit_code,unit_name,unit_name_en,unit_type";

  private final Map<String, Province> provinces;
  private final Map<String, Commune> communes;
  private final Map<String, List<Commune>> communesByProvince;
  private final Map<String, Unit> units;

  /** Spring's constructor: the CSV on the classpath. */
  public UnitDirectory() {
    this(fromClasspath());
  }

  private UnitDirectory(UnitDirectory loaded) {
    this.provinces = loaded.provinces;
    this.communes = loaded.communes;
    this.communesByProvince = loaded.communesByProvince;
    this.units = loaded.units;
  }

  private UnitDirectory(List<Commune> rows) {
    Map<String, Province> provinceMap = new LinkedHashMap<>();
    Map<String, Commune> communeMap = new LinkedHashMap<>();
    Map<String, List<Commune>> byProvince = new LinkedHashMap<>();
    for (Commune commune : rows) {
      Province province = commune.province();
      Province known = provinceMap.putIfAbsent(province.code(), province);
      if (known != null && !known.equals(province)) {
        throw new IllegalArgumentException("province " + province.code()
            + " is described differently on two rows: " + known + " / " + province);
      }
      if (communeMap.putIfAbsent(commune.code(), commune) != null) {
        throw new IllegalArgumentException("commune code " + commune.code() + " appears twice");
      }
      byProvince.computeIfAbsent(province.code(), code -> new ArrayList<>()).add(commune);
    }
    this.provinces = Collections.unmodifiableMap(provinceMap);
    this.communes = Collections.unmodifiableMap(communeMap);
    Map<String, List<Commune>> frozen = new LinkedHashMap<>();
    byProvince.forEach((code, list) -> frozen.put(code, List.copyOf(list)));
    this.communesByProvince = Collections.unmodifiableMap(frozen);
    this.units = Collections.unmodifiableMap(UnitCatalogue.unitsOf(provinceMap.values(), rows));
  }

  /** The directory of the CSV shipped with the application. */
  public static UnitDirectory fromClasspath() {
    InputStream in = UnitDirectory.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("administrative units missing from the classpath: " + RESOURCE);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return fromCsv(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A directory of any CSV in the shipped format (tests use it to simulate a changed file). */
  static UnitDirectory fromCsv(Reader csv) throws IOException {
    BufferedReader lines = new BufferedReader(csv);
    String header = lines.readLine();
    if (header == null || !HEADER.equals(header.replace("\uFEFF", "").strip())) {
      throw new IllegalArgumentException("unexpected header in administrative units CSV: " + header);
    }
    List<Commune> rows = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      // The file has no quoted fields (no name contains a comma); refuse one rather than misread it.
      String[] cells = line.split(",", -1);
      if (cells.length != 8 || line.indexOf('"') >= 0) {
        throw new IllegalArgumentException("line " + number + " of the administrative units CSV"
            + " does not have 8 plain columns: " + line);
      }
      Province province = new Province(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip());
      rows.add(new Commune(cells[4].strip(), cells[5].strip(), cells[6].strip(), cells[7].strip(), province));
    }
    return new UnitDirectory(rows);
  }

  public Optional<Commune> commune(String unitCode) {
    return Optional.ofNullable(communes.get(unitCode));
  }

  public Optional<Province> province(String provinceCode) {
    return Optional.ofNullable(provinces.get(provinceCode));
  }

  public List<Province> provinces() {
    return List.copyOf(provinces.values());
  }

  /** The communes, wards and special zones of a province; empty for an unknown province. */
  public List<Commune> communesOf(String provinceCode) {
    return communesByProvince.getOrDefault(provinceCode, List.of());
  }

  /** Official Vietnamese name of any group id of the scheme, e.g. "Sở Tài chính Thành phố Hải Phòng". */
  public String unitName(String groupId) {
    return unit(groupId)
        .orElseThrow(() -> new IllegalArgumentException("no unit with group id '" + groupId + "'"))
        .name();
  }

  public int communeCount() {
    return communes.size();
  }

  /** The unit behind a group id of the scheme, if the directory has it. */
  /** The official name, or the group id itself for a group outside the scheme (shown, never thrown). */
  public String unitNameOrId(String groupId) {
    return unit(groupId).map(Unit::name).orElse(groupId);
  }

  public Optional<Unit> unit(String groupId) {
    return Optional.ofNullable(units.get(groupId));
  }

  /** Every unit, communes first, then each province's bodies, then the central ones. */
  public List<Unit> units() {
    return List.copyOf(units.values());
  }
}
