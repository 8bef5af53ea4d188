package vn.thongsuot.monitoring;

import java.util.Optional;
import java.util.TreeSet;
import vn.thongsuot.directory.UnitIds;
import vn.thongsuot.system.CurrentOfficial;
import vn.thongsuot.system.RejectedRequest;

/**
 * What a supervisor may watch: the whole country (central supervisors) or one province.
 * {@link #province()} is empty for the whole country.
 */
public record SupervisorScope(Optional<String> province) {

  /** The id scheme of provincial supervisors: {@code supervisor-province-<code>}. */
  static final String PREFIX = "supervisor-province-";

  public static SupervisorScope of(CurrentOfficial official) {
    if (official.belongsTo(UnitIds.SUPERVISOR_CENTRAL)) {
      return new SupervisorScope(Optional.empty());
    }
    TreeSet<String> provinces = new TreeSet<>();
    for (String group : official.groupIds()) {
      if (group.startsWith(PREFIX)) {
        provinces.add(group.substring(PREFIX.length()));
      }
    }
    if (provinces.isEmpty()) {
      throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
          "Bảng theo dõi chỉ dành cho cơ quan giám sát (Ban Tổ chức, Ủy ban Kiểm tra).");
    }
    return new SupervisorScope(Optional.of(provinces.first()));
  }

  /** The province filter a request asked for, narrowed to this scope. */
  Optional<String> narrow(String requestedProvince) {
    if (requestedProvince == null || requestedProvince.isBlank()) {
      return province;
    }
    if (province.isPresent() && !province.get().equals(requestedProvince)) {
      throw new RejectedRequest(RejectedRequest.Reason.FORBIDDEN,
          "Anh/chị chỉ theo dõi được tỉnh " + province.get() + ".");
    }
    return Optional.of(requestedProvince);
  }
}
