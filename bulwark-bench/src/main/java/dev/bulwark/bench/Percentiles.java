package dev.bulwark.bench;

import java.util.Arrays;

/** The p50, p95 and p99 of a series of timings, by nearest rank: every harness's one definition. */
public final class Percentiles {
  private static final double[] RANKS = {0.50, 0.95, 0.99};

  private Percentiles() {}

  /** p50, p95 and p99 of {@code nanos}, in milliseconds. */
  public static double[] millis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double[] out = new double[RANKS.length];
    for (int i = 0; i < RANKS.length; i++) {
      int rank = (int) Math.ceil(RANKS[i] * sorted.length) - 1;
      out[i] = sorted[Math.max(0, rank)] / 1e6;
    }
    return out;
  }

  /** {@code a[i] - b[i]} for each i: what one of a pair of runs added to the other. */
  static long[] minus(long[] a, long[] b) {
    long[] d = new long[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }
}
