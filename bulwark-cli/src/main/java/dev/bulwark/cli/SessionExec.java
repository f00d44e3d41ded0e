package dev.bulwark.cli;

import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.Session;
import dev.bulwark.client.SessionInfo;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark session exec}: one cell in a server's session, streamed as {@code run} does. */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a cell in a session: CODE, or --file, or what is piped in (or CODE -).",
      "Its output is passed through as it is written; a cell's value and text displays follow on"
          + " stdout; with --out its images and HTML are saved as cell-N-output-M.png and so on,"
          + " each path on stderr. Any status but OK adds one line on stderr.",
      "With --json stdout holds exactly one JSON object, the cell's result."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      "0:the cell ran (status OK)",
      "1:any other status, or the session has ended",
      ExitCode.HELP_USAGE,
      ExitCode.HELP_ENVIRONMENT
    })
final class SessionExec implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RemoteOptions remote;

  @Parameters(index = "0", paramLabel = "ID", description = "The session.")
  String id;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "CODE",
      description = "The cell's code; - reads it from stdin.")
  String code;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Read the cell's code from this file.")
  Path file;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "The cell's wall clock, at most the session's (e.g. 30s).")
  Duration timeout;

  @Option(names = "--wait", description = "Wait for a running cell instead of being refused.")
  boolean waitIfBusy;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Save the cell's images and HTML here (created if missing).")
  Path out;

  @Option(names = "--json", description = "Print the cell's result as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Stdio stdio = Main.stdio(spec);
    PrintWriter err = spec.commandLine().getErr();
    String cell = cellCode(stdio);
    SavedOutputs saved = out == null ? null : new SavedOutputs(OutputDirectory.open(out), err);
    try (BulwarkClient client = remote.connect()) {
      Session session = client.session(id);
      SessionInfo info = session.info();
      ExecutionResult result;
      if (json) {
        result = session.run(cell, timeout, waitIfBusy);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(Json.write(result));
        stdout.flush();
      } else {
        long limit = info.limits() == null ? Long.MAX_VALUE : info.limits().outputLimit();
        StreamedOutput streamed = new StreamedOutput(stdio, err, limit);
        result = session.run(cell, timeout, waitIfBusy, streamed);
        streamed.finish(result);
      }
      Shown.cell(result, "cell-" + (info.cells() + 1) + "-", saved, json ? null : stdio, err);
      return ExitCode.of(result);
    }
  }

  /** The cell's code from the argument, the file or stdin; never from a terminal unasked. */
  private String cellCode(Stdio stdio) throws IOException {
    if (code != null && file != null) {
      throw new IllegalArgumentException("give the cell as CODE or --file, not both");
    }
    if (file != null) {
      try (InputStream in = Input.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (code != null && !code.equals("-")) {
      return code;
    }
    if (code == null && stdio.inIsTerminal()) {
      throw new IllegalArgumentException("no cell: give CODE, --file FILE, or pipe it in");
    }
    return new String(stdio.in().readAllBytes(), StandardCharsets.UTF_8);
  }
}
