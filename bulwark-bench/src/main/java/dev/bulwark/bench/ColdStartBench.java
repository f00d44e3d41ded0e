package dev.bulwark.bench;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * What a sandbox adds to a cold {@code print(1)}: the engine (with a staged launcher, then fully
 * cold) against a bare {@code python3 -I -c 'print(1)'}, in pairs run back to back so that both
 * halves of a pair see the same machine load. {@code bulwark bench} is its front.
 */
public final class ColdStartBench {
  /** Marks the section of the benchmarks page this harness writes. */
  public static final String BEGIN = "<!-- bulwark bench --write: from here -->";

  public static final String END = "<!-- bulwark bench --write: to here -->";

  /**
   * Requests reach an idle engine, as an agent's do: without a pause, the engine's background work
   * (a cgroup v1 join holds the kernel's fork lock while it waits for RCU) lands on the next run.
   */
  private static final long GAP_MS = 50;

  /**
   * How much to measure.
   *
   * @param runs measured pairs of each configuration, at least 10
   * @param warmup unmeasured pairs of each first
   */
  public record Settings(int runs, int warmup) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Settings {
      if (runs < 10 || warmup < 0) {
        throw new IllegalArgumentException("--runs must be at least 10 and --warmup at least 0");
      }
    }
  }

  /** Nanoseconds of each run, in pairs by index. */
  public record Figures(
      Settings settings, long[] staged, long[] stagedBare, long[] cold, long[] coldBare) {
    /** The figures as a Markdown table of milliseconds. */
    public String table() {
      StringBuilder t = new StringBuilder();
      t.append(
          String.format(
              "| %-46s | %7s | %7s | %7s |%n",
              "cold print(1), " + settings.runs() + " runs each", "p50 ms", "p95 ms", "p99 ms"));
      t.append(
          "|------------------------------------------------|---------|---------|---------|\n");
      t.append(row("bulwark, launcher staged (default)", staged));
      t.append(row("bare python3, paired with the staged runs", stagedBare));
      t.append(row("added by the sandbox, staged", Percentiles.minus(staged, stagedBare)));
      t.append(row("bulwark, fully cold (staged launchers: 0)", cold));
      t.append(row("bare python3, paired with the cold runs", coldBare));
      t.append(row("added by the sandbox, fully cold", Percentiles.minus(cold, coldBare)));
      return t.toString();
    }

    /** This harness's section of the benchmarks page, measured on {@code day}. */
    public String section(LocalDate day) {
      return BEGIN
          + "\n"
          + "## Cold start: `print(1)` in a fresh sandbox vs a bare interpreter\n\n"
          + "Measured "
          + day
          + " on the development machine (2 vCPU, shared and noisy, cgroup v1), "
          + settings.runs()
          + " pairs of (sandboxed, bare) runs per configuration after "
          + settings.warmup()
          + " warm-up pairs, each run 50 ms after the one before (requests reaching an idle"
          + " engine). Latency is `Engine.execute` from call to result; the bare interpreter is"
          + " started from the same JVM.\n\n"
          + table()
          + "\nEvery sandboxed run builds a fresh bubblewrap sandbox (user, pid, net, ipc, uts,"
          + " cgroup and mount namespaces, two seccomp filters, its own cgroup with memory, pids"
          + " and CPU limits, a leased uid), runs Debian's python3 in it (its runner parses the"
          + " code first and the `standard` policy judges it before it runs), and tears everything"
          + " down. *Staged* means the engine had already started an idle launcher inside the"
          + " run's fresh cgroup before the request came (`EngineConfig.stagedLaunchers`, default"
          + " 2): joining a cgroup v1 hierarchy waits for an RCU grace period, about 10 ms on this"
          + " machine. *Fully cold* creates and joins the cgroup on the request path.\n\n"
          + "Reproduce with:\n\n"
          + "```\n./bulwark bench --runs "
          + settings.runs()
          + " --warmup "
          + settings.warmup()
          + " --write docs/benchmarks.md\n```\n\n"
          + END
          + "\n";
    }

    private static String row(String name, long[] nanos) {
      double[] p = Percentiles.millis(nanos);
      return String.format("| %-46s | %7.1f | %7.1f | %7.1f |%n", name, p[0], p[1], p[2]);
    }
  }

  private ColdStartBench() {}

  /**
   * Measures an engine of {@code config} with staged launchers, then one without.
   *
   * @param start starts an engine of a configuration (the CLI's also reports a degraded mode)
   */
  public static Figures measure(
      EngineConfig config, Settings settings, Function<EngineConfig, Engine> start)
      throws Exception {
    int runs = settings.runs();
    long[] staged = new long[runs], stagedBare = new long[runs];
    long[] cold = new long[runs], coldBare = new long[runs];
    try (Engine engine = start.apply(config)) {
      measure(engine, settings, staged, stagedBare);
    }
    try (Engine engine = start.apply(config.withStagedLaunchers(0))) {
      measure(engine, settings, cold, coldBare);
    }
    return new Figures(settings, staged, stagedBare, cold, coldBare);
  }

  private static void measure(Engine engine, Settings settings, long[] sandboxed, long[] bare)
      throws Exception {
    for (int i = -settings.warmup(); i < settings.runs(); i++) {
      Thread.sleep(GAP_MS);
      long a = BareInterpreter.timeEngine(engine);
      Thread.sleep(GAP_MS); // the engine stages the next launcher now: not during the bare run
      long b = BareInterpreter.timeBare();
      if (i >= 0) {
        sandboxed[i] = a;
        bare[i] = b;
      }
    }
  }

  /** Replaces this harness's section of {@code page}, or makes a page holding only it. */
  public static String replaceSection(String page, String section) {
    int from = page == null ? -1 : page.indexOf(BEGIN);
    int to = page == null ? -1 : page.indexOf(END);
    if (from < 0 || to < from) {
      return "# Benchmarks\n\n" + section;
    }
    return page.substring(0, from) + section + page.substring(to + END.length() + 1);
  }
}
