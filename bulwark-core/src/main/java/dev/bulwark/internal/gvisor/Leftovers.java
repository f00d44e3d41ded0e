package dev.bulwark.internal.gvisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a dead engine's gVisor sandboxes left running, judged from the host: every {@code runsc}
 * process ({@code runsc run}, its gofer, its Sentry) names its sandbox's state directory on its
 * command line, {@code .../engines/ID/ID.N/runsc}, which names the engine.
 */
final class Leftovers {
  private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);
  private static final Pattern ROOT =
      Pattern.compile("--root=\\S*/engines/([^/\\s]+)/\\1\\.(\\d+)/runsc(?:\\s|$)");

  private Leftovers() {}

  /**
   * Kills every {@code runsc} process of a dead engine's sandboxes.
   *
   * @return how many sandboxes they were
   */
  static int killRunscOfDeadEngines(Predicate<String> isDeadEngine) {
    Set<String> sandboxes = new HashSet<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        String cmdline = cmdline(proc);
        Matcher m = ROOT.matcher(cmdline);
        if (cmdline.contains("runsc") && m.find() && isDeadEngine.test(m.group(1))) {
          long pid = Long.parseLong(proc.getFileName().toString());
          ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
          sandboxes.add(m.group(1) + "." + m.group(2));
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot look for a dead engine's gVisor sandboxes in /proc: {}", e.toString());
    }
    return sandboxes.size();
  }

  private static String cmdline(Path proc) {
    try {
      byte[] bytes = Files.readAllBytes(proc.resolve("cmdline"));
      return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException e) {
      return ""; // it ended while we looked
    }
  }
}
