package dev.bulwark.policy;

import java.util.Locale;

/** What a policy does with a rule's hits, from loosest to strictest. */
public enum Mode {
  /** The rule does not run. */
  OFF,
  /** The program runs; the finding is reported. */
  FLAG,
  /** The program does not run. */
  DENY;

  /** The stricter of two modes: how a request tightens a policy. */
  public Mode stricter(Mode other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /**
   * Reads {@code deny}, {@code flag} or {@code off}, ignoring case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Mode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mode must be deny, flag or off, not '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
