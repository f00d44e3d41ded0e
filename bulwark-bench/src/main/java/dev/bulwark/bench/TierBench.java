package dev.bulwark.bench;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The isolation tiers side by side, in one run: for each, {@code print(1)} from a warm sandbox (the
 * pool refilled before each run) and cold (no pool, a staged launcher), each paired with a bare
 * {@code python3 -I -c 'print(1)'} run back to back; then the throughput of {@code clients} callers
 * at once on a warm pool of as many sandboxes, against as many bare interpreters at once. {@code
 * bulwark bench tiers} is its front.
 */
public final class TierBench {
  private static final long GAP_MS = 50;
  private static final long REFILL_TIMEOUT_MS = 60_000;

  /**
   * How much to measure.
   *
   * @param runs measured pairs of each tier and kind, and executions of each throughput phase; at
   *     least 10
   * @param warmup unmeasured pairs of each first
   * @param clients callers at once in the throughput phase, and the warm pool's size, 1 to 16
   */
  public record Settings(int runs, int warmup, int clients) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Settings {
      if (runs < 10 || warmup < 0 || clients < 1 || clients > 16) {
        throw new IllegalArgumentException(
            "--runs must be at least 10, --warmup at least 0 and --clients between 1 and 16");
      }
    }
  }

  /**
   * One tier's figures: nanoseconds of each run, in pairs by index, and executions per second.
   *
   * @param perSecond the tier's warm throughput
   * @param barePerSecond as many bare interpreters at once
   */
  public record Figures(
      Isolation tier,
      long[] warm,
      long[] warmBare,
      long[] cold,
      long[] coldBare,
      double perSecond,
      double barePerSecond) {}

  private TierBench() {}

  /**
   * Measures each tier with engines of {@code config}: one with a warm pool of the tier, then one
   * without.
   *
   * @param start starts an engine of a configuration (the CLI's also reports a degraded mode)
   */
  public static List<Figures> measure(
      EngineConfig config,
      List<Isolation> tiers,
      Settings settings,
      Function<EngineConfig, Engine> start)
      throws Exception {
    List<Figures> all = new ArrayList<>();
    for (Isolation tier : tiers) {
      int runs = settings.runs();
      long[] warm = new long[runs], warmBare = new long[runs];
      long[] cold = new long[runs], coldBare = new long[runs];
      double perSecond, barePerSecond;
      Job job = BareInterpreter.PRINT_1.withIsolation(tier);
      EngineConfig pooled =
          config.withWarmPools(
              List.of(new WarmPoolSpec("python", "default", tier, settings.clients())));
      try (Engine engine = start.apply(pooled)) {
        pairs(engine, job, settings, true, warm, warmBare);
        awaitFull(engine);
        perSecond = throughput(settings, () -> time(engine, job));
        barePerSecond = throughput(settings, BareInterpreter::timeBare);
      }
      try (Engine engine = start.apply(config)) {
        pairs(engine, job, settings, false, cold, coldBare);
      }
      all.add(new Figures(tier, warm, warmBare, cold, coldBare, perSecond, barePerSecond));
    }
    return all;
  }

  /** The figures as a Markdown table of milliseconds and executions per second. */
  public static String table(List<Figures> all, Settings settings) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            "| %-44s | %7s | %7s | %7s |%n",
            "print(1), " + settings.runs() + " runs each", "p50 ms", "p95 ms", "p99 ms"));
    t.append("|----------------------------------------------|---------|---------|---------|\n");
    for (Figures f : all) {
      t.append(row(f.tier() + ", warm (pool refilled)", f.warm()));
      t.append(row("bare python3, paired with those", f.warmBare()));
      t.append(row(f.tier() + ", cold (launcher staged)", f.cold()));
      t.append(row("bare python3, paired with those", f.coldBare()));
    }
    t.append(
        String.format(
            "%n| throughput, %d callers at once, %d runs | per second | bare python3 per second |%n",
            settings.clients(), settings.runs()));
    t.append("|---|---|---|\n");
    for (Figures f : all) {
      t.append(
          String.format(
              "| %s, warm pool of %d | %.1f | %.1f |%n",
              f.tier(), settings.clients(), f.perSecond(), f.barePerSecond()));
    }
    return t.toString();
  }

  private static void pairs(
      Engine engine, Job job, Settings settings, boolean warm, long[] sandboxed, long[] bare)
      throws Exception {
    for (int i = -settings.warmup(); i < settings.runs(); i++) {
      if (warm) {
        awaitFull(engine);
      }
      Thread.sleep(GAP_MS);
      long a = time(engine, job);
      Thread.sleep(GAP_MS);
      long b = BareInterpreter.timeBare();
      if (i >= 0) {
        sandboxed[i] = a;
        bare[i] = b;
      }
    }
  }

  /** Executions per second of {@code settings.runs()} runs by {@code clients} callers at once. */
  private static double throughput(Settings settings, Timed run) throws Exception {
    int clients = settings.clients();
    long t0 = System.nanoTime();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int share = settings.runs() / clients + (c < settings.runs() % clients ? 1 : 0);
        done.add(
            callers.submit(() -> {
              for (int i = 0; i < share; i++) {
                run.time();
              }
              return null;
            }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    return settings.runs() / ((System.nanoTime() - t0) / 1e9);
  }

  /** Nanoseconds of one {@code job}, which must print 1. */
  private static long time(Engine engine, Job job) {
    long t0 = System.nanoTime();
    ExecutionResult r = engine.execute(job);
    long t = System.nanoTime() - t0;
    if (r.status() != Status.OK || !r.stdout().equals("1\n")) {
      throw new IllegalStateException(
          "the sandboxed print(1) failed: " + r.status() + " " + r.reason() + " " + r.stderr());
    }
    return t;
  }

  /** Waits until the engine's warm pool is full again, as an idle server's would be. */
  private static void awaitFull(Engine engine) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + REFILL_TIMEOUT_MS * 1_000_000;
    while (engine.warmPools().stream().anyMatch(p -> p.idle() < p.size())) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "the warm pool did not refill within " + REFILL_TIMEOUT_MS + " ms");
      }
      Thread.sleep(5);
    }
  }

  private static String row(String name, long[] nanos) {
    double[] p = Percentiles.millis(nanos);
    return String.format("| %-44s | %7.1f | %7.1f | %7.1f |%n", name, p[0], p[1], p[2]);
  }

  /** One timed run. */
  @FunctionalInterface
  private interface Timed {
    long time() throws Exception;
  }
}
