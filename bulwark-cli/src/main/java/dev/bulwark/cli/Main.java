package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bulwark} command. Exit codes: 0 success, 1 failure, 2 bad usage. */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Validates code written by LLM agents and runs it in fresh, locked-down, single-use sandboxes.",
    subcommands = {
      RunCommand.class,
      CheckCommand.class,
      PolicyCommand.class,
      TenantsCommand.class,
      KeysCommand.class,
      ServeCommand.class,
      ConfigCommand.class,
      McpCommand.class,
      AgentCommand.class,
      AuditCommand.class,
      DoctorCommand.class,
      ProfilesCommand.class,
      BenchCommand.class
    },
    exitCodeOnInvalidInput = 2,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure (see the message)",
      "2:bad usage: a flag or value is wrong"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as the launcher runs it, for tests too. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine
          .getErr()
          .println("bulwark: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return e instanceof IllegalArgumentException ? 2 : 1;
    });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
