package dev.bulwark.cli;

import dev.bulwark.policy.Policies;
import dev.bulwark.policy.RuleCatalog;
import dev.bulwark.policy.RuleInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Shows validation policies and the rules they set.",
    subcommands = {PolicyCommand.Show.class, PolicyCommand.Rules.class})
final class PolicyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Prints the effective policy as YAML: every rule with its resolved mode, the allowed"
              + " modules and hosts, and its limits preset.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "NAME|FILE",
        defaultValue = Policies.DEFAULT,
        description = "standard, strict, audit, or a policy file. Default: ${DEFAULT-VALUE}.")
    String policy;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(Policies.toYaml(Policies.resolve(policy)));
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(
      name = "rules",
      mixinStandardHelpOptions = true,
      description = "Lists every rule: id, language, severity and what it looks for.")
  static final class Rules implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (RuleInfo r : RuleCatalog.all()) {
        out.printf("%-26s %-10s %-8s %s%n", r.id(), r.language(), r.severity(), r.title());
      }
      out.flush();
      return ExitCode.OK;
    }
  }
}
