package vn.thongsuot.system;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The official behind the current request: user id and the units (Camunda groups) they belong to. */
public record CurrentOfficial(String userId, Set<String> groupIds) {

  public static final String GROUP_PREFIX = "GROUP_";

  public static CurrentOfficial fromSecurityContext() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new IllegalStateException("no authenticated official on this request");
    }
    Set<String> groups = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(GROUP_PREFIX))
        .map(a -> a.substring(GROUP_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
    return new CurrentOfficial(authentication.getName(), groups);
  }

  public boolean belongsTo(String groupId) {
    return groupIds.contains(groupId);
  }
}
