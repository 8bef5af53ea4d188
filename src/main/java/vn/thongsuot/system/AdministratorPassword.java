package vn.thongsuot.system;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;

/**
 * What the administrator's password must be outside the demo profile: at least 12 characters, and
 * not easy to guess by zxcvbn's estimate (score 3 of 4 or more; its lists hold the 30,000 most common
 * passwords, names and words, and it sees through keyboard walks, repeats and dates). With Camunda's
 * password policy on (the prod profile), also what that policy asks of every account (a lower- and an
 * upper-case letter, a digit and another character), so that the engine does not refuse to create
 * the administrator later with a less readable message. A problem never quotes the password.
 */
final class AdministratorPassword {

  static final int MIN_LENGTH = 12;
  static final int MIN_SCORE = 3;

  private AdministratorPassword() {}

  static List<String> problems(String password, String userId, boolean camundaPolicy) {
    List<String> problems = new ArrayList<>();
    if (password.length() < MIN_LENGTH) {
      problems.add("THONGSUOT_ADMIN_PASSWORD is shorter than " + MIN_LENGTH + " characters");
      return problems;
    }
    Strength strength = new Zxcvbn().measure(password, List.of(userId, "thongsuot", "thong suot", "camunda", "admin"));
    if (strength.getScore() < MIN_SCORE) {
      problems.add("THONGSUOT_ADMIN_PASSWORD is too easy to guess (zxcvbn score " + strength.getScore()
          + " of 4, at least " + MIN_SCORE + " needed: a common password, a word, a name or a pattern)");
    }
    if (camundaPolicy && !(password.chars().anyMatch(Character::isLowerCase)
        && password.chars().anyMatch(Character::isUpperCase) && password.chars().anyMatch(Character::isDigit)
        && password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)))) {
      problems.add("THONGSUOT_ADMIN_PASSWORD needs a lower-case and an upper-case letter, a digit and another"
          + " character (Camunda's password policy, on in the prod profile)");
    }
    return problems;
  }
}
