package dev.bulwark.cli;

import dev.bulwark.Doctor;
import dev.bulwark.spi.HostCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Checks that this host can run sandboxes safely, and how to fix what it cannot.",
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {"0:the engine can run here", "1:a check failed", ExitCode.HELP_USAGE})
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<HostCheck> checks = Doctor.run(engineOptions.config());
    for (HostCheck c : checks) {
      out.printf("%-4s %-18s %s%n", c.level(), c.name(), c.detail());
      if (!c.fix().isEmpty()) {
        out.printf("%-4s %-18s fix: %s%n", "", "", c.fix());
      }
    }
    boolean failed = checks.stream().anyMatch(c -> c.level() == HostCheck.Level.FAIL);
    out.println(
        failed ? "Some checks failed: the engine will not run until they are fixed." : "Ready.");
    out.flush();
    return failed ? ExitCode.FAILED : ExitCode.OK;
  }
}
