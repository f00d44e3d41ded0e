package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Isolation;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.bench.ColdStartBench;
import dev.bulwark.bench.MicroBench;
import dev.bulwark.bench.ServerBench;
import dev.bulwark.bench.SessionBench;
import dev.bulwark.bench.SessionServerBench;
import dev.bulwark.bench.TierBench;
import dev.bulwark.bench.ValidationBench;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The front of the benchmark harnesses of {@code bulwark-bench}: flags in, figures out. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {
      BenchCommand.Validation.class,
      BenchCommand.Server.class,
      BenchCommand.Micro.class,
      BenchCommand.Tiers.class,
      BenchCommand.SessionCosts.class
    },
    description = {
      "Measures what a sandbox adds to a cold print(1).",
      "Runs print(1) through the engine (with a staged launcher, then fully cold) against a bare"
          + " python3 -I -c 'print(1)', in pairs run back to back so that both halves of a pair see"
          + " the same machine load.",
      "Figures are per execution, from process start to exit, in milliseconds.",
      "bench validation measures the validation layer instead; bench server a running server;"
          + " bench micro the JMH micro-benchmarks of the hot paths; bench tiers the isolation"
          + " tiers side by side; bench session what sessions cost."
    })
final class BenchCommand implements Callable<Integer> {
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
    ColdStartBench.Settings settings = new ColdStartBench.Settings(runs, warmup);
    PrintWriter err = spec.commandLine().getErr();
    ColdStartBench.Figures figures =
        ColdStartBench.measure(
            engineOptions.config(), settings, config -> EngineOptions.start(config, err));
    PrintWriter out = spec.commandLine().getOut();
    out.print(figures.table());
    out.flush();
    if (write != null) {
      String page = Files.exists(write) ? Files.readString(write) : null;
      String section = figures.section(LocalDate.now(ZoneOffset.UTC));
      Files.writeString(write, ColdStartBench.replaceSection(page, section));
      out.println("written to " + write);
      out.flush();
    }
    return ExitCode.OK;
  }

  @Command(
      name = "tiers",
      mixinStandardHelpOptions = true,
      description = {
        "Measures the isolation tiers side by side in one run: print(1) from a warm sandbox (the"
            + " pool refilled before each run) and cold (no pool, a launcher staged), each paired"
            + " with a bare python3 -I -c 'print(1)'; then the throughput of --clients callers at"
            + " once on a warm pool of as many sandboxes, against as many bare interpreters.",
        "Latency per execution in milliseconds, from call to result."
      })
  static final class Tiers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--isolation",
        paramLabel = "TIER",
        split = ",",
        defaultValue = "bubblewrap,gvisor",
        description = "The tiers to measure, in order (default: ${DEFAULT-VALUE}).")
    List<String> tiers;

    @Option(
        names = "--runs",
        defaultValue = "50",
        description =
            "Measured runs of each tier and kind, and executions of each throughput phase"
                + " (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
        names = "--warmup",
        defaultValue = "5",
        description = "Unmeasured runs of each first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--clients",
        defaultValue = "2",
        description =
            "Callers at once in the throughput phase, and the warm pool's size (default"
                + " ${DEFAULT-VALUE}).")
    int clients;

    @ArgGroup(exclusive = false, heading = "%nEngine:%n")
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() throws Exception {
      TierBench.Settings settings = new TierBench.Settings(runs, warmup, clients);
      List<Isolation> isolation = tiers.stream().map(Isolation::named).toList();
      PrintWriter err = spec.commandLine().getErr();
      List<TierBench.Figures> figures =
          TierBench.measure(
              engineOptions.config(),
              isolation,
              settings,
              config -> EngineOptions.start(config, err));
      PrintWriter out = spec.commandLine().getOut();
      out.print(TierBench.table(figures, settings));
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(
      name = "validation",
      mixinStandardHelpOptions = true,
      description = {
        "Measures the validation layer on a generated 1,000-line program per language, or with"
            + " --evaluation its quality on labelled programs.",
        "Parse: the runner parsing it in a fresh sandbox, sandbox start included (ms). Decode: the"
            + " host reading the runner's summary (us). Rules: the Java rules and the policy over"
            + " that summary (us)."
      })
  static final class Validation implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--parses",
        defaultValue = "30",
        description = "Sandboxed parses per language (default ${DEFAULT-VALUE}).")
    int parses;

    @Option(
        names = "--iterations",
        defaultValue = "5000",
        description =
            "Measured rule runs per language, after as many warm-up runs (default"
                + " ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
        names = "--evaluation",
        paramLabel = "DIR",
        description =
            "Instead of the speed figures: judge the labelled programs under DIR"
                + " (<label>/<group>/<file>, label benign or hostile) with standard and strict, and"
                + " print deny-recall, flag-or-deny recall, benign denied and flagged, with 95%%"
                + " intervals. The project's sets: bulwark-core/src/test/resources/evaluation and"
                + " evaluation-fresh.")
    Path evaluation;

    @Option(
        names = "--allow-domain",
        paramLabel = "HOST",
        split = ",",
        defaultValue = "api.example.com,data.example.org,*.githubusercontent.com",
        description =
            "Hosts the policies allow during --evaluation (default: the hosts the project's sets"
                + " are written against, ${DEFAULT-VALUE}).")
    List<String> allowDomains;

    @ArgGroup(exclusive = false, heading = "%nEngine:%n")
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() {
      ValidationBench.Settings settings = new ValidationBench.Settings(parses, iterations);
      try (Engine engine = engineOptions.start(spec.commandLine().getErr())) {
        if (evaluation != null) {
          ValidationBench.evaluate(engine, evaluation, allowDomains, spec.commandLine().getOut());
        } else {
          ValidationBench.measure(engine, settings, spec.commandLine().getOut());
        }
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "server",
      mixinStandardHelpOptions = true,
      description = {
        "Drives a running server (bulwark serve) with print(1) over HTTP.",
        "Sequential: one request at a time, latency from send to the last byte, each followed by a"
            + " pause (--gap) as an agent's think time; then as many pairs of a cold run through an"
            + " engine in this process (no warm pool) and a bare python3 -c 'print(1)', with the"
            + " same pauses. Concurrent: --clients clients in a loop, throughput and errors. Each"
            + " phase reports how many executions found a warm sandbox, from the server's"
            + " /metrics."
      },
      exitCodeListHeading = ExitCode.HEADING,
      exitCodeList = {
        "0:every request succeeded",
        "1:some requests failed",
        ExitCode.HELP_USAGE,
        "3:the server cannot be reached"
      })
  static final class Server implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--url",
        defaultValue = "http://127.0.0.1:8080",
        description = "The server (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "KEY",
        description =
            "An operator's API key (keys create --operator: the benchmark reads /metrics) of a"
                + " tenant whose limits allow --clients at once and a few thousand requests a"
                + " minute.")
    String key;

    @Option(
        names = "--requests",
        defaultValue = "200",
        description = "Requests of each phase (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
        names = "--clients",
        defaultValue = "8",
        description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
        names = "--warmup",
        defaultValue = "1500",
        description =
            "Unmeasured requests first, from --clients clients at once: a server that has run a"
                + " while has compiled its request path (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--gap",
        defaultValue = "100ms",
        paramLabel = "DURATION",
        description =
            "Pause between sequential requests, in which the server refills its pools"
                + " (default: ${DEFAULT-VALUE}).")
    Duration gap;

    @Override
    public Integer call() throws Exception {
      ServerBench.Settings settings =
          new ServerBench.Settings(url, key, requests, clients, warmup, gap);
      PrintWriter err = spec.commandLine().getErr();
      int failures =
          ServerBench.run(
              settings, config -> EngineOptions.start(config, err), spec.commandLine().getOut());
      return failures == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  @Command(
      name = "micro",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the JMH micro-benchmarks of the hot paths: the validation rules on a 1,000-line"
            + " program, and the host's side of a sandbox's streams (the runner's summary frame,"
            + " output capture).",
        "Each benchmark runs in fresh JVMs (--forks); JMH prints its progress and the figures."
      })
  static final class Micro implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "REGEX",
        defaultValue = "",
        description = "Only the benchmarks whose names match, e.g. ValidationRules (default: all).")
    String include;

    @Option(
        names = "--forks",
        defaultValue = "2",
        description = "Fresh JVMs per benchmark (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(
        names = "--warmups",
        defaultValue = "5",
        description = "Warm-up iterations per fork (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(
        names = "--iterations",
        defaultValue = "5",
        description = "Measured iterations per fork (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
        names = "--time",
        defaultValue = "1s",
        paramLabel = "DURATION",
        description = "Each iteration's length (default: ${DEFAULT-VALUE}).")
    Duration time;

    @Override
    public Integer call() throws Exception {
      MicroBench.Settings settings =
          new MicroBench.Settings(include, forks, warmups, iterations, time);
      PrintStream out = new PrintStream(Main.stdio(spec).out(), true, StandardCharsets.UTF_8);
      MicroBench.run(settings, out);
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(
      name = "session",
      mixinStandardHelpOptions = true,
      description = {
        "Measures sessions: opening one from a session pool and cold, against a bare python3 -c"
            + " 'print(1)' in the same rounds, a cell of x = 1"
            + " against a pipe round trip to a child process, the memory of a session after"
            + " thousands of cells, and --idle sessions held open at once with their memory each."
      })
  static final class SessionCosts implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--opens",
        defaultValue = "50",
        description = "Sessions opened and closed (default ${DEFAULT-VALUE}).")
    int opens;

    @Option(
        names = "--cells",
        defaultValue = "10000",
        description = "Cells run in one session (default ${DEFAULT-VALUE}).")
    int cells;

    @Option(
        names = "--idle",
        defaultValue = "100",
        description = "Sessions held open at once (default ${DEFAULT-VALUE}).")
    int idle;

    @Option(
        names = "--key",
        paramLabel = "KEY",
        description =
            "Measure over HTTP against a running server (bulwark serve) with this API key, of a"
                + " tenant whose rate allows a few thousand requests a minute: opening a session"
                + " against a bare python3, a cell against a loopback round trip and a one-shot"
                + " print(1).")
    String key;

    @Option(
        names = "--url",
        defaultValue = "http://127.0.0.1:8080",
        description = "The server, with --key (default: ${DEFAULT-VALUE}).")
    String url;

    @ArgGroup(exclusive = false, heading = "%nEngine:%n")
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() throws Exception {
      if (key != null) {
        SessionServerBench.run(
            new SessionServerBench.Settings(url, key, opens, cells), spec.commandLine().getOut());
        return ExitCode.OK;
      }
      SessionBench.Settings settings = new SessionBench.Settings(opens, cells, idle);
      EngineConfig config = engineOptions.config();
      EngineConfig withPool =
          config.withSessionPools(List.of(new WarmPoolSpec("python", "default", 1)));
      PrintWriter err = spec.commandLine().getErr();
      try (Engine engine = EngineOptions.start(config, err);
          Engine pooled = EngineOptions.start(withPool, err)) {
        SessionBench.run(engine, pooled, settings, spec.commandLine().getOut());
      }
      return ExitCode.OK;
    }
  }
}
