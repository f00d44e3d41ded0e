package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Requests;
import dev.bulwark.SessionSpec;
import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.Session;
import dev.bulwark.client.SessionInfo;
import dev.bulwark.client.SessionOptions;
import dev.bulwark.model.ExecutionResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code bulwark repl}: one session for the command's life, cell after cell typed at a prompt (with
 * line editing and history, {@link ReplTerminal}) or read from a pipe. Ctrl-C stops the running
 * cell and the session goes on; Ctrl-D (or the input's end) closes it.
 */
@Command(
    name = "repl",
    mixinStandardHelpOptions = true,
    description = {
      "An interactive session in the terminal: state persists from cell to cell.",
      "A Python line ending with ':' opens a block that runs at the next blank line; an open"
          + " bracket or string continues the cell. Ctrl-C stops the running cell (at the prompt"
          + " it clears the line); Ctrl-D ends the session and destroys its sandbox.",
      "Values print as text; images and HTML are saved under --out (default: a new temporary"
          + " directory) with their paths printed.",
      "Runs on an engine in this process, or with --server on a Bulwark server. When stdin is not"
          + " a terminal, cells are read line by line from it."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      "0:the input ended (Ctrl-D) and the session was closed",
      "1:the session ended on its own (out of memory, an unresponsive cell...)",
      ExitCode.HELP_USAGE,
      ExitCode.HELP_ENVIRONMENT
    })
final class ReplCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SessionLanguage language;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where images and HTML are saved (default: a new temporary directory).")
  Path out;

  @Mixin LimitOptions limits;

  @Mixin PolicyOptions policy;

  @ArgGroup(exclusive = false, heading = "%nOn a server instead of this host:%n")
  RemoteOptions remote = new RemoteOptions();

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  private final AtomicBoolean running = new AtomicBoolean();
  private int cells;

  @Override
  public Integer call() throws IOException {
    Stdio stdio = Main.stdio(spec);
    PrintWriter err = spec.commandLine().getErr();
    Path dir = out != null ? out : Files.createTempDirectory("bulwark-repl-");
    SavedOutputs saved = new SavedOutputs(OutputDirectory.open(dir), err);
    ReplSession session = remote.given() ? onServer() : onThisHost(err);
    AtomicBoolean closed = new AtomicBoolean();
    Runnable close =
        () -> {
          if (closed.compareAndSet(false, true)) {
            session.close();
          }
        };
    // SIGTERM or a closed terminal (SIGHUP): the session ends with the command, never outlives it.
    Thread closer = new Thread(close);
    Runtime.getRuntime().addShutdownHook(closer);
    try {
      err.printf(
          "bulwark: %s session %s; images and HTML go to %s; Ctrl-D ends it%n",
          session.language(), session.id(), dir);
      err.flush();
      Cells loop = code -> cell(session, code, saved, stdio, err);
      if (stdio.inIsTerminal()) {
        ReplTerminal.loop(session, loop);
      } else {
        Signal.handle(new Signal("INT"), s -> interrupt(session));
        piped(stdio, session.language(), loop);
      }
      return ExitCode.OK;
    } finally {
      close.run();
      removeHook(closer);
    }
  }

  /** Runs one cell after the prompt gave it. */
  interface Cells {
    void run(String code) throws IOException;
  }

  private void cell(
      ReplSession session, String code, SavedOutputs saved, Stdio stdio, PrintWriter err)
      throws IOException {
    StreamedOutput streamed = new StreamedOutput(stdio, err, session.outputLimit());
    ExecutionResult result;
    running.set(true);
    try {
      result = session.run(code, streamed);
    } finally {
      running.set(false);
    }
    streamed.finish(result);
    cells++;
    Shown.cell(result, "cell-" + cells + "-", saved, stdio, err);
  }

  /** Ctrl-C on a pipe: stops the running cell; between cells, ends the command (130). */
  private void interrupt(ReplSession session) {
    if (running.get()) {
      session.interrupt();
    } else {
      System.exit(130); // the shutdown hook closes the session
    }
  }

  /** Cells from a pipe: a line, or the lines of a block up to its blank line (or the end). */
  private static void piped(Stdio stdio, String language, Cells cells) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(stdio.in(), StandardCharsets.UTF_8));
    StringBuilder cell = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      if (cell.isEmpty() && line.isBlank()) {
        continue;
      }
      cell.append(cell.isEmpty() ? "" : "\n").append(line);
      if (!Continuation.needsMore(cell.toString(), language)) {
        cells.run(cell.toString().stripTrailing());
        cell.setLength(0);
      }
    }
    if (!cell.isEmpty()) {
      cells.run(cell.toString().stripTrailing());
    }
  }

  private ReplSession onThisHost(PrintWriter err) {
    var ceiling = Requests.Ceiling.unbounded(policy.resolve());
    SessionSpec sessionSpec =
        SessionSpec.of(language.language, limits.resolve(ceiling))
            .withPolicy(policy.resolve())
            // The prompt may wait long for its person: the session lives as long as the command.
            .withIdleTimeout(SessionSpec.DEFAULT_LIFETIME);
    Engine engine = engineOptions.start(err);
    try {
      return new LocalRepl(engine, engine.openSession(sessionSpec));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  private ReplSession onServer() {
    SessionOptions options =
        SessionOptions.of(language.language)
            .withProfile(limits.profile())
            .withLimits(limits.overrides())
            .withPolicy(policy.forServer(spec));
    BulwarkClient client = remote.connect();
    try {
      Session session = client.openSession(options);
      SessionInfo info = session.info();
      long limit = info.limits() == null ? Long.MAX_VALUE : info.limits().outputLimit();
      return new RemoteRepl(client, session, info.language(), limit);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs now, and finds the session closed
    }
  }
}
