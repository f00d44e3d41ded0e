package dev.bulwark.internal.cgroup;

import dev.bulwark.internal.cgroup.CgroupException.Code;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/**
 * One cgroup interface (v1, v2 or none): where a run's directories are, how limits are written,
 * read and how its processes are killed. {@link Cgroups} picks one; nothing else knows which.
 */
sealed interface Hierarchy permits V1Hierarchy, V2Hierarchy, NoHierarchy {

  /** Polling interval while waiting for the kernel: v1 offers no event for "frozen" or "empty". */
  int POLL_MILLIS = 2;

  /** CFS bandwidth period: 100 ms, the kernel's default and what runc and systemd use. */
  long CPU_PERIOD_MICROS = 100_000;

  Version version();

  String describe();

  /** Everything that keeps this from being fully usable, each with its fix. */
  List<String> problems();

  /** The subset of {@link #problems()} that makes creating a run impossible or unsafe. */
  List<String> blockers();

  /** Creates the base directories if needed and, on v2, delegates the controllers to them. */
  void prepareBase();

  /** The run's directories, one per distinct hierarchy, in a stable order. */
  List<Path> runDirs(String name);

  /** Names of the run directories that exist now. */
  Collection<String> existingNames();

  void applyLimits(String name, Limits limits);

  Usage usage(String name);

  /** CPU time used so far: the one reading a run's supervision needs on every tick. */
  long cpuNanos(String name);

  /** The memory charged to the run now (a session reports what it holds while it idles). */
  long memoryBytes(String name);

  /** Kills every process of the run; returns once none is left, or throws. */
  void killAll(String name);

  static long cpuQuotaMicros(Limits limits) {
    // Limits keeps cpus >= 0.01, so the quota stays above the kernel's 1 ms minimum.
    return Math.round(limits.cpus() * CPU_PERIOD_MICROS);
  }

  /**
   * SIGKILL to each pid. {@link ProcessHandle#destroyForcibly()} works on any process we may
   * signal, not only our children, and checks the process start time, so a pid recycled since the
   * listing is not hit.
   */
  static void sigkill(Collection<Long> pids) {
    long self = ProcessHandle.current().pid();
    for (long pid : pids) {
      // Our own pid in a run's cgroup would be a launcher bug; the rmdir then fails loudly.
      if (pid != self) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** Polls {@code condition} until true or {@code millis} have passed; returns its last value. */
  static boolean await(BooleanSupplier condition, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      pause(POLL_MILLIS);
    }
    return true;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CgroupException(Code.OPERATION_FAILED, "interrupted while waiting for a cgroup", e);
    }
  }

  /** The problem text for a directory we cannot create cgroups in. */
  static String notWritable(Path dir) {
    if (!isRoot()) {
      return "not root and "
          + dir
          + " is not writable: run as root or delegate a subtree"
          + " (systemd Delegate=yes) and pass it as the base path";
    }
    return dir
        + " is not writable although running as root: the cgroup filesystem is probably"
        + " mounted read-only (in a container: give it a private, writable cgroup namespace)";
  }

  /** The effective uid is 0; read from /proc because the JDK has no API for it. */
  static boolean isRoot() {
    try {
      for (String line : CgroupFs.read(Path.of("/proc/self/status"), 1 << 16).split("\n")) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (CgroupException | ArrayIndexOutOfBoundsException e) {
      // no /proc: fall back to the user name, which is right on every ordinary system
      LoggerFactory.getLogger(Hierarchy.class)
          .debug("cannot read the uid from /proc: {}", e.toString());
    }
    return "root".equals(System.getProperty("user.name"));
  }

  /** Whether the process may create entries in {@code dir} (or the nearest existing ancestor). */
  static boolean canCreateIn(Path dir) {
    return Files.isWritable(CgroupFs.nearestExisting(dir));
  }
}
