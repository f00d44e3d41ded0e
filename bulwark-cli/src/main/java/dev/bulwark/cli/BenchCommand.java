package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Job;
import dev.bulwark.Profiles;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {ValidationBench.class, ServerBench.class},
    description = {
      "Measures what a sandbox adds to a cold print(1).",
      "Runs print(1) through the engine (with a staged launcher, then fully cold) against a bare"
          + " python3 -I -c 'print(1)', in pairs run back to back so that both halves of a pair see"
          + " the same machine load.",
      "Figures are per execution, from process start to exit, in milliseconds.",
      "bench validation measures the validation layer instead; bench server a running server."
    })
final class BenchCommand implements Callable<Integer> {
  private static final long GAP_MS = 50;

  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      defaultValue = "200",
      description = "Measured runs of each (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warmup",
      defaultValue = "20",
      description = "Unmeasured runs of each first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--write",
      paramLabel = "FILE",
      description = "Also write the figures as Markdown to FILE.")
  Path write;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() throws Exception {
    if (runs < 10 || warmup < 0) {
      throw new IllegalArgumentException("--runs must be at least 10 and --warmup at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    long[] staged = new long[runs], stagedBare = new long[runs];
    long[] unstaged = new long[runs], unstagedBare = new long[runs];
    PrintWriter err = spec.commandLine().getErr();
    try (Engine engine = engineOptions.start(err)) {
      measure(engine, staged, stagedBare);
    }
    try (Engine engine = Engine.start(engineOptions.config().withStagedLaunchers(0))) {
      measure(engine, unstaged, unstagedBare);
    }
    String table = table(staged, stagedBare, unstaged, unstagedBare);
    out.print(table);
    out.flush();
    if (write != null) {
      String page = Files.exists(write) ? Files.readString(write) : null;
      Files.writeString(write, replaceSection(page, markdown(table)));
      out.println("written to " + write);
    }
    return 0;
  }

  /**
   * Pairs of (engine, bare) runs, each run {@value #GAP_MS} ms after the one before: requests
   * reaching an idle engine, as an agent's do. Without the gap, the engine's background work (a
   * cgroup v1 join holds the kernel's fork lock while it waits for RCU) lands on the next run.
   */
  private void measure(Engine engine, long[] sandboxed, long[] bare) throws Exception {
    var request = new Job("python", "print(1)", Profiles.DEFAULT);
    for (int i = -warmup; i < runs; i++) {
      Thread.sleep(GAP_MS);
      long a = timeEngine(engine, request);
      Thread.sleep(GAP_MS); // the engine stages the next launcher now: not during the bare run
      long b = timeBare();
      if (i >= 0) {
        sandboxed[i] = a;
        bare[i] = b;
      }
    }
  }

  static long timeEngine(Engine engine, Job request) {
    long t0 = System.nanoTime();
    ExecutionResult r = engine.execute(request);
    long t = System.nanoTime() - t0;
    if (r.status() != Status.OK || !r.stdout().equals("1\n")) {
      throw new IllegalStateException(
          "the sandboxed print(1) failed: " + r.status() + " " + r.reason() + " " + r.stderr());
    }
    return t;
  }

  static long timeBare() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-I", "-c", "print(1)")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    int code = p.waitFor();
    long t = System.nanoTime() - t0;
    if (code != 0 || !new String(out, java.nio.charset.StandardCharsets.UTF_8).equals("1\n")) {
      throw new IllegalStateException("the bare python3 failed with " + code);
    }
    return t;
  }

  private String table(long[] staged, long[] stagedBare, long[] unstaged, long[] unstagedBare) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            "| %-46s | %7s | %7s | %7s |%n",
            "cold print(1), " + runs + " runs each", "p50 ms", "p95 ms", "p99 ms"));
    t.append("|------------------------------------------------|---------|---------|---------|\n");
    t.append(row("bulwark, launcher staged (default)", percentiles(staged)));
    t.append(row("bare python3, paired with the staged runs", percentiles(stagedBare)));
    t.append(row("added by the sandbox, staged", percentiles(minus(staged, stagedBare))));
    t.append(row("bulwark, fully cold (staged launchers: 0)", percentiles(unstaged)));
    t.append(row("bare python3, paired with the cold runs", percentiles(unstagedBare)));
    t.append(row("added by the sandbox, fully cold", percentiles(minus(unstaged, unstagedBare))));
    return t.toString();
  }

  private static long[] minus(long[] a, long[] b) {
    long[] d = new long[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  private static String row(String name, double[] p) {
    return String.format("| %-46s | %7.1f | %7.1f | %7.1f |%n", name, p[0], p[1], p[2]);
  }

  /** p50, p95, p99 in milliseconds (nearest rank). */
  static double[] percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    List<Double> out = new ArrayList<>();
    for (double q : new double[] {0.50, 0.95, 0.99}) {
      int rank = (int) Math.ceil(q * sorted.length) - 1;
      out.add(sorted[Math.max(0, rank)] / 1e6);
    }
    return new double[] {out.get(0), out.get(1), out.get(2)};
  }

  /**
   * The section this command owns in the benchmarks page, between {@link #BEGIN} and {@link #END}.
   */
  private String markdown(String table) {
    return BEGIN
        + "\n"
        + "## Cold start: `print(1)` in a fresh sandbox vs a bare interpreter\n\n"
        + "Measured "
        + LocalDate.now(java.time.ZoneOffset.UTC)
        + " on the development machine (2 vCPU, shared and noisy, cgroup v1),"
        + " "
        + runs
        + " pairs of (sandboxed, bare) runs per configuration after "
        + warmup
        + " warm-up pairs, each"
        + " run 50 ms after the one before (requests reaching an idle engine). Latency is"
        + " `Engine.execute` from call to result; the bare interpreter is started from the same JVM.\n\n"
        + table
        + "\nEvery sandboxed run builds a fresh bubblewrap sandbox (user, pid, net, ipc, uts, cgroup and"
        + " mount namespaces, two seccomp filters, its own cgroup with memory, pids and CPU limits, a"
        + " leased uid), runs Debian's python3 in it (its runner parses the code first and the"
        + " `standard` policy judges it before it runs), and tears everything down. *Staged* means the"
        + " engine had already started an idle launcher inside the run's fresh cgroup before the"
        + " request came (`EngineConfig.stagedLaunchers`, default 2): joining a cgroup v1 hierarchy"
        + " waits for an RCU grace period, about 10 ms on this machine. *Fully cold* creates and joins"
        + " the cgroup on the request path.\n\n"
        + "Reproduce with:\n\n"
        + "```\n./bulwark bench --runs "
        + runs
        + " --warmup "
        + warmup
        + " --write docs/benchmarks.md\n```\n\n"
        + END
        + "\n";
  }

  static final String BEGIN = "<!-- bulwark bench --write: from here -->";
  static final String END = "<!-- bulwark bench --write: to here -->";

  /** Replaces this command's section of {@code page}, or writes a page holding only it. */
  static String replaceSection(String page, String section) {
    int from = page == null ? -1 : page.indexOf(BEGIN);
    int to = page == null ? -1 : page.indexOf(END);
    if (from < 0 || to < from) {
      return "# Benchmarks\n\n" + section;
    }
    return page.substring(0, from) + section + page.substring(to + END.length() + 1);
  }
}
