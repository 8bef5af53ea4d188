package vn.thongsuot.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mail addresses from Camunda's identity service. Callers run without an authenticated user, so
 * the engine neither filters users by the acting official's rights nor caps the result at
 * queryMaxResultsLimit; we page anyway, so a large unit is never read in one go.
 */
@Component
class Recipients {

  private static final Logger LOG = LoggerFactory.getLogger(Recipients.class);
  static final int PAGE = 500;

  private final IdentityService identity;
  /** Users already reported without an address: one log line per user, not one per event. */
  private final Set<String> reportedWithoutEmail = ConcurrentHashMap.newKeySet();

  Recipients(IdentityService identity) {
    this.identity = identity;
  }

  /** Members of a unit's group who have an address; an unknown group has none. */
  List<Recipient> membersOf(String groupId) {
    List<Recipient> recipients = new ArrayList<>();
    if (groupId == null) {
      return recipients;
    }
    List<User> page;
    int first = 0;
    do {
      page = identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(first, PAGE);
      page.forEach(user -> withEmail(user).ifPresent(recipients::add));
      first += PAGE;
    } while (page.size() == PAGE);
    return recipients;
  }

  Optional<Recipient> user(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      LOG.warn("Notification for unknown user {} skipped", userId);
      return Optional.empty();
    }
    return withEmail(user);
  }

  private Optional<Recipient> withEmail(User user) {
    String email = user.getEmail();
    if (email == null || email.isBlank()) {
      if (reportedWithoutEmail.add(user.getId())) {
        LOG.warn("User {} has no email address: notifications to them are skipped", user.getId());
      }
      return Optional.empty();
    }
    return Optional.of(new Recipient(user.getId(), email.strip()));
  }
}
