package dev.bulwark.cli;

import dev.bulwark.Profiles;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Units;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description = "Lists the limit presets and their values.")
final class ProfilesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%-8s %7s %5s %5s %8s %8s %9s %6s %6s %7s%n",
        "profile",
        "memory",
        "cpus",
        "pids",
        "timeout",
        "cpu-time",
        "file-size",
        "tmpfs",
        "files",
        "output");
    for (Map.Entry<String, Limits> e : Profiles.all().entrySet()) {
      Limits l = e.getValue();
      out.printf(
          "%-8s %7s %5s %5d %8s %8s %9s %6s %6d %7s%n",
          e.getKey(),
          Units.formatSize(l.memoryBytes()),
          l.cpus(),
          l.pids(),
          Units.formatDuration(l.wallTimeout()),
          Units.formatDuration(l.cpuTime()),
          Units.formatSize(l.fileSizeBytes()),
          Units.formatSize(l.tmpfsBytes()),
          l.openFiles(),
          Units.formatSize(l.outputBytes()));
    }
    out.flush();
  }
}
