package dev.bulwark.bench;

/** Reads the server's {@code /metrics} text: the figures a bench needs of it. */
final class PrometheusText {
  private PrometheusText() {}

  /** The sum of a metric's samples over all its labels; 0 when the text has none. */
  static long sum(String text, String metric) {
    long sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
        sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
