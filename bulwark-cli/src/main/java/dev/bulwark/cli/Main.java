package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code bulwark} command. Its exit codes are {@link ExitCode}'s. */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Validates code written by LLM agents and runs it in fresh, locked-down, single-use sandboxes.",
    subcommands = {
      RunCommand.class,
      SessionCommand.class,
      ReplCommand.class,
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
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      ExitCode.HELP_OK,
      "1:the program failed (check: it was denied; doctor: a check failed)",
      ExitCode.HELP_USAGE,
      ExitCode.HELP_ENVIRONMENT
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  private final Stdio stdio;

  private Main(Stdio stdio) {
    this.stdio = stdio;
  }

  public static void main(String[] args) {
    // LangChain4j logs each retry of a model call with its stack trace; the agent command says in
    // one line why the model could not answer.
    if (System.getProperty("org.slf4j.simpleLogger.log.dev.langchain4j") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.dev.langchain4j", "error");
    }
    System.exit(commandLine(Stdio.system()).execute(args));
  }

  /** The command line over {@code stdio}, as the launcher runs it and tests drive it. */
  static CommandLine commandLine(Stdio stdio) {
    CommandLine cli = new CommandLine(new Main(stdio));
    cli.setOut(Stdio.writer(stdio.out()));
    cli.setErr(Stdio.writer(stdio.err()));
    Converters.register(cli);
    ExitCode exits = new ExitCode();
    cli.setExitCodeExceptionMapper(exits);
    cli.setExecutionExceptionHandler(new ExitCode.OnFailure());
    cli.setParameterExceptionHandler(new ExitCode.OnBadUsage());
    return cli;
  }

  /** The streams of the invocation that {@code spec}'s command belongs to. */
  static Stdio stdio(CommandSpec spec) {
    return ((Main) spec.root().userObject()).stdio;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
