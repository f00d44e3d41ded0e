package dev.bulwark.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "The server's configuration.",
    subcommands = {ConfigCommand.Show.class})
final class ConfigCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the configuration bulwark serve would run with, every key written out: the"
            + " defaults, overridden by the configuration file. A bad file exits with code 2,"
            + " naming the key."
      })
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataOptions data;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(config.load(data).toYaml());
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
  }
}
