package dev.bulwark.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the host sees: processes by command line or uid, and their owners. Reads /proc. */
final class HostProbe {
  private HostProbe() {}

  /** Pids whose command line contains {@code marker}. */
  static List<Long> pidsWithCmdline(String marker) {
    List<Long> pids = new ArrayList<>();
    for (Path proc : procs()) {
      try {
        String cmdline =
            new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ');
        if (cmdline.contains(marker)) {
          pids.add(Long.parseLong(proc.getFileName().toString()));
        }
      } catch (IOException | RuntimeException e) {
        // the process ended while we looked
      }
    }
    return pids;
  }

  /**
   * Pids of this JVM's descendants whose command line contains {@code marker}: the processes a test
   * may touch, whatever else runs on the host.
   */
  static List<Long> descendantsWithCmdline(String marker) {
    Set<Long> ours =
        ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    return pidsWithCmdline(marker).stream().filter(ours::contains).toList();
  }

  /**
   * Pids in a cgroup of one of this JVM's engines: their run cgroups are named after the engine's
   * id, which starts with the JVM's pid in hex ({@code bulwark/PID-RANDOM.N}).
   */
  static List<Long> pidsInCgroupsOfThisJvm() {
    String prefix = "/bulwark/" + Long.toHexString(ProcessHandle.current().pid()) + "-";
    List<Long> pids = new ArrayList<>();
    for (Path proc : procs()) {
      try {
        if (Files.readString(proc.resolve("cgroup")).contains(prefix)) {
          pids.add(Long.parseLong(proc.getFileName().toString()));
        }
      } catch (IOException | RuntimeException e) {
        // the process ended while we looked
      }
    }
    return pids;
  }

  /** The Bulwark run cgroup a process is in ({@code ID.N}), or empty when it is in none. */
  static String cgroupOf(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
        int at = line.indexOf("/bulwark/");
        if (at >= 0) {
          return line.substring(at + "/bulwark/".length());
        }
      }
    } catch (IOException e) {
      // gone
    }
    return "";
  }

  /** Pids whose real uid lies in [from, to). */
  static List<Long> pidsOfUids(long from, long to) {
    List<Long> pids = new ArrayList<>();
    for (Path proc : procs()) {
      OptionalLong uid = uidOf(Long.parseLong(proc.getFileName().toString()));
      if (uid.isPresent() && uid.getAsLong() >= from && uid.getAsLong() < to) {
        pids.add(Long.parseLong(proc.getFileName().toString()));
      }
    }
    return pids;
  }

  /** A process's seccomp mode (0 none, 1 strict, 2 filter), -1 when it is gone. */
  static int seccompMode(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("Seccomp:")) {
          return Integer.parseInt(line.substring("Seccomp:".length()).strip());
        }
      }
    } catch (IOException e) {
      // gone
    }
    return -1;
  }

  /** The process's command line, its arguments joined by spaces; empty once it is gone. */
  static String cmdline(long pid) {
    try {
      return new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
              StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  /** "pid state cmdline" of a process, for assertion messages. */
  static String describe(long pid) {
    try {
      Path proc = Path.of("/proc", Long.toString(pid));
      String state =
          Files.readAllLines(proc.resolve("status")).stream()
              .filter(l -> l.startsWith("State:") || l.startsWith("PPid:") || l.startsWith("Name:"))
              .toList()
              .toString();
      return pid + " " + state + " " + cmdline(pid);
    } catch (IOException e) {
      return pid + " (gone)";
    }
  }

  /** The real uid of a process, if it still exists. */
  static OptionalLong uidOf(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("Uid:")) {
          return OptionalLong.of(Long.parseLong(line.substring(4).trim().split("\\s+")[0]));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return OptionalLong.empty();
  }

  /** Names of run cgroups under bulwark/ in any v1 controller (or the v2 tree). */
  static Set<String> runCgroups() throws IOException {
    Set<String> names = new HashSet<>();
    for (Path controller : list(Path.of("/sys/fs/cgroup"))) {
      Path base = controller.resolve("bulwark");
      if (Files.isDirectory(base)) {
        for (Path run : list(base)) {
          if (Files.isDirectory(run)) {
            names.add(run.getFileName().toString());
          }
        }
      }
    }
    return names;
  }

  /** The entries of a directory; none when it does not exist. */
  static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  private static List<Path> procs() {
    try (Stream<Path> s = Files.list(Path.of("/proc"))) {
      return s.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
