package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Execution;
import dev.bulwark.Job;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a program against a policy, then runs it in a fresh sandbox.",
      "Without --json the program's output is passed through and the exit code is the program's;"
          + " any status but OK adds one line on stderr, and so does each finding. With --json stdout holds exactly one JSON"
          + " object (the result) and the exit code is 0 for OK, 1 otherwise."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "N:the program's exit code (without --json)",
      "0:OK (with --json)",
      "1:any other status, or the engine cannot run",
      "2:bad usage"
    })
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ProgramOptions program;

  @Option(
      names = "--stdin",
      paramLabel = "FILE",
      description = "Feed this file to the program's stdin.")
  Path stdin;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  @Mixin LimitOptions limits;

  @Mixin PolicyOptions policy;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String language = program.language(); // before stdin is read
    Policy chosen = policy.resolve();
    String code = program.code();
    byte[] input = stdin == null ? new byte[0] : ProgramOptions.readBytes(stdin);
    var request = new Job(language, code, limits.resolve(chosen), input, chosen);
    try (Engine engine = engineOptions.start(err)) {
      Execution execution = engine.submit(request);
      Thread cancelOnCtrlC =
          new Thread(() -> {
            execution.cancel();
            execution.result().join();
          });
      Runtime.getRuntime().addShutdownHook(cancelOnCtrlC);
      ExecutionResult result = execution.result().join();
      Runtime.getRuntime().removeShutdownHook(cancelOnCtrlC);
      return report(result);
    }
  }

  private int report(ExecutionResult result) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json) {
      out.println(Json.write(result));
      out.flush();
      return result.status() == Status.OK ? 0 : 1;
    }
    out.print(result.stdout());
    out.flush();
    err.print(result.stderr());
    for (Finding f : result.findings()) {
      err.println(
          "bulwark: "
              + f.outcome()
              + " "
              + f.ruleId()
              + " (line "
              + f.line()
              + "): "
              + f.message());
    }
    if (result.status() != Status.OK) {
      err.println("bulwark: " + result.status() + ": " + result.reason());
    }
    err.flush();
    if (result.exitCode() != null && result.exitCode() != 0) {
      return result.exitCode();
    }
    return result.status() == Status.OK ? 0 : 1;
  }
}
