package dev.bulwark.model;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that reads and writes sizes ({@code 512m}, {@code 2g}, {@code 1048576}) and
 * durations ({@code 500ms}, {@code 30s}, {@code 2m}). Binary multiples: {@code 1k} is 1024 bytes.
 */
public final class Units {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  private Units() {}

  /**
   * Parses a size in bytes.
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is not a size
   */
  public static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size: use bytes or a number with k, m, g or t (e.g. 512m, 2g)");
    }
    double value = Double.parseDouble(m.group(1));
    int shift =
        switch (m.group(2)) {
          case "" -> 0;
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 40;
        };
    double bytes = value * (1L << shift);
    if (bytes >= Long.MAX_VALUE) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    return (long) bytes;
  }

  /**
   * Parses a duration; a bare number means seconds.
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is not a duration
   */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: use a number with ms, s, m or h (e.g. 500ms, 30s)");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis =
        switch (unit) {
          case "ms" -> value;
          case "s" -> value * 1_000;
          case "m" -> value * 60_000;
          default -> value * 3_600_000;
        };
    return Duration.ofMillis(Math.round(millis));
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
