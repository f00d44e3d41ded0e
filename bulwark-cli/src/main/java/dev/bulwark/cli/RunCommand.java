package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Execution;
import dev.bulwark.ExecutionListener;
import dev.bulwark.Job;
import dev.bulwark.Requests;
import dev.bulwark.client.BulwarkClient;
import dev.bulwark.model.Artifact;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Json;
import dev.bulwark.model.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
      "Piped input reaches the program's stdin (echo 5 | bulwark run prog.py), as does --stdin.",
      "--file places local files in the workspace; --artifact and --out save the files the program"
          + " wrote, its charts (output-1.png...) and HTML tables, each saved path on stderr.",
      "With --server (or $BULWARK_SERVER) it runs on that Bulwark server as --key's tenant."
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

  @Mixin RunFiles runFiles;

  @ArgGroup(exclusive = false, heading = "%nOn a server instead of this host:%n")
  RemoteOptions remote = new RemoteOptions();

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
            .withIsolation(isolation)
            .withFiles(runFiles.files())
            .withArtifacts(runFiles.artifacts);
    SavedOutputs saved = runFiles.saved(err);
    if (remote.given()) {
      return onServer(request.withStdin(new String(stdin, StandardCharsets.UTF_8)), saved);
    }
    Job job = job(request, ceiling, stdin);
    try (Engine engine = engineOptions.start(err)) {
      ExecutionResult result;
      if (json) {
        result = run(engine, job, ExecutionListener.NONE);
        printJson(result);
      } else {
        StreamedOutput streamed = new StreamedOutput(stdio, err, job.limits().outputBytes());
        result = run(engine, job, streamed);
        streamed.finish(result);
      }
      return finish(result, saved, a -> kept(engine, a));
    }
  }

  /** Runs the request on the server as the key's tenant: its policy, ceiling and audit. */
  private int onServer(ExecutionRequest request, SavedOutputs saved) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ExecutionRequest sent = request.withPolicy(policy.forServer(spec));
    try (BulwarkClient client = remote.connect()) {
      ExecutionResult result;
      if (json) {
        result = client.execute(sent);
        printJson(result);
      } else {
        // The server's own limit may be its tenant's; this one only places the cut's marker.
        long limit = limits.resolve(Requests.Ceiling.unbounded(policy.resolve())).outputBytes();
        StreamedOutput streamed = new StreamedOutput(Main.stdio(spec), err, limit);
        result = client.execute(sent, streamed);
        streamed.finish(result);
      }
      return finish(result, saved, a -> new ByteArrayInputStream(client.artifact(a)));
    }
  }

  private void printJson(ExecutionResult result) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(Json.write(result));
    out.flush();
  }

  /** Saves what the run made, says why it failed unless --json did, and maps its status. */
  private int finish(ExecutionResult result, SavedOutputs saved, SavedOutputs.Kept kept)
      throws IOException {
    if (saved != null) {
      saved.outputs("", result.outputs());
      saved.artifacts(result.artifacts(), kept);
    }
    if (!json && result.status() != Status.OK) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("bulwark: " + result.status() + ": " + result.reason());
      err.flush();
    }
    return ExitCode.of(result);
  }

  private static InputStream kept(Engine engine, Artifact artifact) throws IOException {
    return engine
        .artifact(artifact.ref())
        .orElseThrow(() -> new IOException(artifact.name() + ": no longer kept by the engine"));
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
            resolved.isolation())
        .withFiles(request.files())
        .withArtifacts(request.artifacts());
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
}
