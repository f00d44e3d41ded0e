package dev.bulwark.model;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of sizes and durations, for flags, the configuration file and the API alike.
 *
 * <ul>
 *   <li>A size is a number of bytes ({@code 1048576}), or a number and a binary multiple with no
 *       space between them: {@code 64k}, {@code 512m}, {@code 1.5g}, {@code 1t} ({@code 1k} is 1024
 *       bytes; {@code kb}/{@code kib} and upper case are read the same).
 *   <li>A duration is a number and its unit, always: {@code 500ms}, {@code 30s}, {@code 2m}, {@code
 *       1h}, {@code 1d}. A bare number is refused, since nobody can tell whether {@code 5} meant
 *       seconds or milliseconds.
 * </ul>
 *
 * Nothing else is read: no sign, no space, no control character, no text around the value (a value
 * that came with a stray {@code \0} or a line end is refused rather than cleaned up). A refusal
 * says how to write the value. Stateless and thread-safe.
 */
public final class Units {
  /** Longer text is no value of the grammar; refused before any matching. */
  private static final int MAX_LENGTH = 32;

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)(?:(\\.\\d+)?([kmgt])(?:i?b)?)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

  private Units() {}

  /**
   * Parses a size in bytes.
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is not a size
   */
  public static long parseSize(String text) {
    Matcher m = matcher(SIZE, text);
    if (m == null) {
      throw new IllegalArgumentException(
          shown(text)
              + " is not a size: write bytes, or a number and k, m, g or t with no space"
              + " (e.g. 4096, 512m, 2g)");
    }
    String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
    int shift =
        switch (unit) {
          case "" -> 0;
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 40;
        };
    String number = m.group(1) + (m.group(2) == null ? "" : m.group(2));
    double bytes = Double.parseDouble(number) * (1L << shift);
    if (bytes >= Long.MAX_VALUE) {
      throw new IllegalArgumentException(shown(text) + " is too large");
    }
    return (long) bytes;
  }

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException saying how to write it when the text is not a duration; for a
   *     bare number, the same number in seconds ({@code 5} asks for {@code 5s})
   */
  public static Duration parseDuration(String text) {
    Matcher m = matcher(DURATION, text);
    if (m == null) {
      throw new IllegalArgumentException(
          shown(text)
              + " is not a duration: write a number and ms, s, m, h or d with no space"
              + " (e.g. 500ms, 30s, 2m)");
    }
    if (m.group(2) == null) {
      throw new IllegalArgumentException(
          shown(text)
              + " has no unit: write "
              + m.group(1)
              + "s for seconds (or ms, m, h, d: e.g. 500ms, 30s, 2m)");
    }
    double millis =
        Double.parseDouble(m.group(1))
            * switch (m.group(2).toLowerCase(Locale.ROOT)) {
              case "ms" -> 1;
              case "s" -> 1_000;
              case "m" -> 60_000;
              case "h" -> 3_600_000;
              default -> 86_400_000;
            };
    if (millis >= Long.MAX_VALUE) {
      throw new IllegalArgumentException(shown(text) + " is too long");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  /** The whole text matched, or null; null text and overlong text never match. */
  private static Matcher matcher(Pattern grammar, String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return null;
    }
    Matcher m = grammar.matcher(text);
    return m.matches() ? m : null;
  }

  /** The text quoted for a message, control characters escaped and long text cut. */
  private static String shown(String text) {
    if (text == null) {
      return "nothing";
    }
    StringBuilder s = new StringBuilder("'");
    text.codePoints()
        .limit(MAX_LENGTH)
        .forEach(c -> {
          if (Character.isISOControl(c)) {
            s.append(String.format(Locale.ROOT, "\\u%04x", c));
          } else {
            s.appendCodePoint(c);
          }
        });
    return s.append(text.length() > MAX_LENGTH ? "...'" : "'").toString();
  }

  /** Formats bytes the way {@link #parseSize} reads them, exact when possible (2g, 1536m, 100). */
  public static String formatSize(long bytes) {
    String[] suffixes = {"t", "g", "m", "k"};
    int[] shifts = {40, 30, 20, 10};
    for (int i = 0; i < shifts.length; i++) {
      long unit = 1L << shifts[i];
      if (bytes >= unit && bytes % unit == 0) {
        return (bytes / unit) + suffixes[i];
      }
    }
    return Long.toString(bytes);
  }

  /** Formats a duration the way {@link #parseDuration} reads it (30s, 1500ms). */
  public static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
  }
}
