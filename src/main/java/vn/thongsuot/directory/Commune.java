package vn.thongsuot.directory;

/** A commune-level unit: type "Xã", "Phường" or "Đặc khu". */
public record Commune(String code, String name, String nameEn, String type, Province province) {}
