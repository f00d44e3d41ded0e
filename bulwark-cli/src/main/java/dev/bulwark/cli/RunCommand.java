package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Execution;
import dev.bulwark.ExecutionListener;
import dev.bulwark.Job;
import dev.bulwark.Requests;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Json;
import dev.bulwark.model.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a program against a policy, then runs it in a fresh sandbox.",
      "Without --json the program's output is passed through as it is written, each stream cut"
          + " past --output-limit with a marker before its last part; any status but OK adds one"
          + " line on stderr, and so does each finding. With --json stdout holds exactly one JSON"
          + " object, the result, once the program ended.",
      "Piped input reaches the program's stdin (echo 5 | bulwark run prog.py), as does --stdin."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      "0:the program ran and exited 0 (status OK)",
      "1:the program failed: any other status; stderr or --json says which, and its exit code",
      ExitCode.HELP_USAGE,
      ExitCode.HELP_ENVIRONMENT
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProgramOptions program;

  @Mixin InputOptions input;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  @Option(
      names = "--isolation",
      paramLabel = "TIER",
      description =
          "The isolation tier: bubblewrap (the default: namespaces, seccomp and cgroups around the"
              + " host's kernel) or gvisor (gVisor's runsc, a kernel in user space between the"
              + " program and the host's; slower to start, needs runsc: bulwark doctor says).")
  String isolation;

  @Mixin LimitOptions limits;

  @Mixin PolicyOptions policy;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() throws IOException {
    Stdio stdio = Main.stdio(spec);
    PrintWriter err = spec.commandLine().getErr();
    String language = program.language(); // before stdin is read
    Requests.Ceiling ceiling = program.capped(Requests.Ceiling.unbounded(policy.resolve()));
    String code = program.code(stdio, ceiling);
    byte[] stdin = input.bytes(stdio, program);
    ExecutionRequest request =
        ExecutionRequest.of(language, code)
            .withProfile(limits.profile())
            .withLimits(limits.overrides())
            .withIsolation(isolation);
    Job job = job(request, ceiling, stdin);
    try (Engine engine = engineOptions.start(err)) {
      if (json) {
        ExecutionResult result = run(engine, job, ExecutionListener.NONE);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.write(result));
        out.flush();
        return exitCode(result);
      }
      StreamedOutput streamed = new StreamedOutput(stdio, err, job.limits().outputBytes());
      ExecutionResult result = run(engine, job, streamed);
      streamed.finish(result);
      if (result.status() != Status.OK) {
        err.println("bulwark: " + result.status() + ": " + result.reason());
        err.flush();
      }
      return exitCode(result);
    }
  }

  /**
   * The request as the one rule resolves it; stdin goes in as bytes, since a program's input need
   * not be text.
   */
  private static Job job(ExecutionRequest request, Requests.Ceiling ceiling, byte[] stdin) {
    Job resolved = LimitOptions.named(() -> Requests.resolve(request, ceiling));
    return new Job(
        resolved.language(),
        resolved.code(),
        resolved.limits(),
        stdin,
        resolved.policy(),
        resolved.isolation());
  }

  /** Runs the job; Ctrl-C (or SIGTERM) cancels it, so its sandbox is torn down first. */
  private static ExecutionResult run(Engine engine, Job job, ExecutionListener listener) {
    Execution execution = engine.submit(job, listener);
    Thread cancelOnCtrlC =
        new Thread(() -> {
          execution.cancel();
          execution.result().join();
        });
    Runtime.getRuntime().addShutdownHook(cancelOnCtrlC);
    ExecutionResult result = execution.result().join();
    try {
      Runtime.getRuntime().removeShutdownHook(cancelOnCtrlC);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came as the run ended: the hook runs now, and finds it ended.
    }
    return result;
  }

  /** OK is 0; the engine's own failure is the environment's; any other status, the program's. */
  private static int exitCode(ExecutionResult result) {
    return switch (result.status()) {
      case OK -> ExitCode.OK;
      case SANDBOX_ERROR -> ExitCode.ENVIRONMENT;
      default -> ExitCode.FAILED;
    };
  }
}
