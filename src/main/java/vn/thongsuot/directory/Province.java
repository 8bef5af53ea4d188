package vn.thongsuot.directory;

/** A province or centrally-run city, e.g. {@code 31, Thành phố Hải Phòng, Haiphong City, Thành phố}. */
public record Province(String code, String name, String nameEn, String type) {

  /** The name without its type: "Hải Phòng" for "Thành phố Hải Phòng". */
  String shortName() {
    return name.startsWith(type + " ") ? name.substring(type.length() + 1) : name;
  }
}
