package dev.bulwark.cli;

import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.Session;
import dev.bulwark.client.SessionInfo;
import dev.bulwark.client.SessionOptions;
import dev.bulwark.model.Json;
import dev.bulwark.model.Units;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark session}: a server's sessions, one command a step, for scripts and shells. */
@Command(
    name = "session",
    mixinStandardHelpOptions = true,
    description = {
      "Sessions on a Bulwark server: one sandbox and one interpreter for many cells, with files.",
      "  SID=$(bulwark session start --language python)",
      "  bulwark session put $SID sales.csv",
      "  bulwark session exec $SID 'import pandas as pd; df = pd.read_csv(\"sales.csv\")'",
      "  bulwark session exec $SID --out charts 'df.plot()'",
      "  bulwark session stop $SID",
      "The server and key come from --server and --key, or $BULWARK_SERVER and $BULWARK_API_KEY."
    },
    subcommands = {
      SessionCommand.Start.class,
      SessionExec.class,
      SessionFiles.Put.class,
      SessionFiles.Get.class,
      SessionFiles.Ls.class,
      SessionCommand.Stop.class,
      SessionCommand.ListAll.class,
      SessionCommand.Info.class
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      ExitCode.HELP_OK,
      "1:a cell failed (any status but OK), or the session has ended",
      "2:usage or input: a flag, a file, an unknown session id, a path the server refused",
      "3:the server cannot be reached, is overloaded or failed"
    })
final class SessionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints a session's id, or with {@code --json} all the server says of it. */
  static void print(SessionInfo info, boolean json, PrintWriter out) {
    out.println(json ? Json.write(info) : info.id());
    out.flush();
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Opens a session and prints its id (--json: all of it).")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RemoteOptions remote;

    @Mixin SessionLanguage language;

    @Mixin LimitOptions limits;

    @Option(
        names = "--policy",
        paramLabel = "NAME",
        description = "A built-in policy that tightens the tenant's (standard, strict...).")
    String policy;

    @Option(
        names = "--ttl",
        paramLabel = "DURATION",
        description = "How long it may idle before it ends (e.g. 10m; the server's is the most).")
    Duration ttl;

    @Option(
        names = "--network",
        paramLabel = "HOST",
        description = "A host the session may reach, allowed by its policy. Repeatable.")
    List<String> network = new ArrayList<>();

    @Option(names = "--isolation", paramLabel = "TIER", description = "The isolation tier.")
    String isolation;

    @Option(names = "--json", description = "Print the whole session as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      SessionOptions options =
          SessionOptions.of(language.language)
              .withProfile(limits.profile())
              .withLimits(limits.overrides())
              .withPolicy(policy)
              .withNetwork(network.isEmpty() ? null : network)
              .withIsolation(isolation);
      try (BulwarkClient client = remote.connect()) {
        Session session = client.openSession(ttl == null ? options : options.withTtl(ttl));
        print(session.info(), json, spec.commandLine().getOut());
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Ends a session: a running cell is stopped, its sandbox and files destroyed.")
  static final class Stop implements Callable<Integer> {
    @Mixin RemoteOptions remote;

    @Parameters(paramLabel = "ID", description = "The session.")
    String id;

    @Override
    public Integer call() {
      try (BulwarkClient client = remote.connect()) {
        client.session(id).close();
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "The key's tenant's sessions: id, language, state, cells, memory, when each expires.")
  static final class ListAll implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RemoteOptions remote;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (BulwarkClient client = remote.connect()) {
        for (SessionInfo s : client.sessions()) {
          out.println(
              json
                  ? Json.write(s)
                  : String.join(
                      "\t",
                      s.id(),
                      s.language(),
                      s.state(),
                      s.cells() + " cells",
                      Units.formatSize(s.memoryBytes()),
                      "expires " + s.expiresAt()));
        }
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = "One session as the server shows it, as JSON: state, cells, memory, its end.")
  static final class Info implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RemoteOptions remote;

    @Parameters(paramLabel = "ID", description = "The session.")
    String id;

    @Override
    public Integer call() {
      try (BulwarkClient client = remote.connect()) {
        print(client.session(id).info(), true, spec.commandLine().getOut());
      }
      return ExitCode.OK;
    }
  }
}
