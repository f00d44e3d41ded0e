package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.ExecutionRequest;
import dev.bulwark.ExecutionResult;
import dev.bulwark.Profiles;
import dev.bulwark.Status;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the cold latency of print(1) through the engine against a bare python3 -I -c 'print(1)',"
          + " interleaved in one run so that both see the same machine load.",
      "Figures are per execution, from process start to exit, in milliseconds."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", defaultValue = "200", description = "Measured runs of each (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--warmup", defaultValue = "20", description = "Unmeasured runs of each first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--write", paramLabel = "FILE", description = "Also write the figures as Markdown to FILE.")
  Path write;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n") EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() throws Exception {
    if (runs < 10 || warmup < 0) {
      throw new IllegalArgumentException("--runs must be at least 10 and --warmup at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    long[] sandboxed = new long[runs];
    long[] bare = new long[runs];
    try (Engine engine = engineOptions.start(spec.commandLine().getErr())) {
      var request = new ExecutionRequest("python", "print(1)", Profiles.DEFAULT);
      for (int i = -warmup; i < runs; i++) {
        long a = timeEngine(engine, request);
        long b = timeBare();
        if (i >= 0) {
          sandboxed[i] = a;
          bare[i] = b;
        }
      }
    }
    String table = table(sandboxed, bare);
    out.print(table);
    out.flush();
    if (write != null) {
      Files.writeString(write, markdown(table));
      out.println("written to " + write);
    }
    return 0;
  }

  private static long timeEngine(Engine engine, ExecutionRequest request) {
    long t0 = System.nanoTime();
    ExecutionResult r = engine.execute(request);
    long t = System.nanoTime() - t0;
    if (r.status() != Status.OK || !r.stdout().equals("1\n")) {
      throw new IllegalStateException("the sandboxed print(1) failed: " + r.status() + " " + r.reason() + " " + r.stderr());
    }
    return t;
  }

  private static long timeBare() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("/usr/bin/python3", "-I", "-c", "print(1)").redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    int code = p.waitFor();
    long t = System.nanoTime() - t0;
    if (code != 0 || !new String(out).equals("1\n")) {
      throw new IllegalStateException("the bare python3 failed with " + code);
    }
    return t;
  }

  private String table(long[] sandboxed, long[] bare) {
    double[] s = percentiles(sandboxed), b = percentiles(bare);
    long[] overhead = new long[sandboxed.length];
    for (int i = 0; i < overhead.length; i++) {
      overhead[i] = sandboxed[i] - bare[i];
    }
    double[] o = percentiles(overhead);
    StringBuilder t = new StringBuilder();
    t.append(String.format("| %-38s | %7s | %7s | %7s |%n", "cold print(1), " + runs + " runs", "p50 ms", "p95 ms", "p99 ms"));
    t.append("|----------------------------------------|---------|---------|---------|\n");
    t.append(row("bulwark sandbox (Engine.execute)", s));
    t.append(row("bare python3 -I -c 'print(1)'", b));
    t.append(row("added by the sandbox (paired runs)", o));
    return t.toString();
  }

  private static String row(String name, double[] p) {
    return String.format("| %-38s | %7.1f | %7.1f | %7.1f |%n", name, p[0], p[1], p[2]);
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

  private String markdown(String table) {
    return "# Benchmarks\n\n"
        + "## Cold start: `print(1)` in a fresh sandbox vs a bare interpreter\n\n"
        + "Measured " + LocalDate.now() + " on this project's development machine (2 vCPU, shared and noisy), "
        + runs + " interleaved pairs after " + warmup + " warm-up pairs.\n\n"
        + table
        + "\nEach sandboxed run builds a fresh bubblewrap sandbox (user, pid, net, ipc, uts, cgroup and"
        + " mount namespaces, two seccomp filters, a cgroup with memory, pids and CPU limits, a leased"
        + " uid), runs Debian's python3 in it, and tears everything down. Reproduce with:\n\n"
        + "```\n./bulwark bench --runs " + runs + " --warmup " + warmup + " --write docs/benchmarks.md\n```\n";
  }
}
