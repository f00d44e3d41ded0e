package dev.bulwark.internal.cgroup;

import dev.bulwark.internal.cgroup.CgroupException.Code;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cgroup v1: each controller is its own hierarchy (cpu and cpuacct are often mounted together), so
 * a run is one directory {@code <mount>/<base>/<name>} per distinct mount, and the launcher joins
 * each of them.
 */
final class V1Hierarchy implements Hierarchy {
  private static final Logger LOG = LoggerFactory.getLogger(V1Hierarchy.class);

  /**
   * Every controller a run needs: limits (memory, cpu, pids), accounting (cpuacct), killing
   * (freezer).
   */
  static final List<String> CONTROLLERS = List.of("memory", "cpu", "cpuacct", "pids", "freezer");

  private static final int KILL_ROUNDS = 10;
  private static final long FREEZE_WAIT_MILLIS = 1_000;
  private static final long EXIT_WAIT_MILLIS = 1_000;

  private final Map<String, Path> mounts = new LinkedHashMap<>();
  private final Path base;
  private final List<String> blockers = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /**
   * @param controllerMounts mount point per controller; controllers Bulwark does not use are
   *     ignored
   * @param base relative path under each mount that holds the runs, normally {@code bulwark}
   */
  V1Hierarchy(Map<String, Path> controllerMounts, Path base) {
    this.base = base;
    for (String controller : CONTROLLERS) {
      Path mount = controllerMounts.get(controller);
      if (mount != null) {
        mounts.put(controller, mount);
      } else {
        Path where = Path.of("/sys/fs/cgroup", controller);
        blockers.add(
            "cgroup v1 controller '"
                + controller
                + "' is not mounted: mkdir -p "
                + where
                + " && mount -t cgroup -o "
                + controller
                + " none "
                + where);
      }
    }
    for (Path mount : new LinkedHashSet<>(mounts.values())) {
      if (!Hierarchy.canCreateIn(mount.resolve(base))) {
        blockers.add(Hierarchy.notWritable(CgroupFs.nearestExisting(mount.resolve(base))));
      }
    }
    problems.addAll(blockers);
    Path memory = mounts.get("memory");
    if (memory != null && !CgroupFs.isFile(memory.resolve("memory.memsw.limit_in_bytes"))) {
      // Not a blocker: without swap on the host the RAM limit is the whole limit.
      problems.add(
          "cgroup v1 swap accounting is off (no memory.memsw.limit_in_bytes), so the memory limit"
              + " does not cover swap: boot the kernel with swapaccount=1, or run without swap");
    }
  }

  @Override
  public Version version() {
    return Version.V1;
  }

  @Override
  public String describe() {
    return "cgroup v1 (" + String.join(", ", mounts.keySet()) + ")";
  }

  @Override
  public List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public List<String> blockers() {
    return List.copyOf(blockers);
  }

  @Override
  public void prepareBase() {
    for (Path mount : new LinkedHashSet<>(mounts.values())) {
      CgroupFs.ensureDirs(mount, base);
    }
  }

  @Override
  public List<Path> runDirs(String name) {
    Set<Path> dirs = new LinkedHashSet<>();
    for (Path mount : mounts.values()) {
      dirs.add(mount.resolve(base).resolve(name));
    }
    return List.copyOf(dirs);
  }

  private Path dir(String controller, String name) {
    return mounts.get(controller).resolve(base).resolve(name);
  }

  @Override
  public Set<String> existingNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Path mount : new LinkedHashSet<>(mounts.values())) {
      names.addAll(CgroupFs.runNames(mount.resolve(base)));
    }
    return names;
  }

  @Override
  public void applyLimits(String name, Limits limits) {
    Path memory = dir("memory", name);
    String bytes = Long.toString(limits.memoryBytes());
    // memsw (memory + swap) must never be below the memory limit: when lowering, the memory limit
    // goes first; when raising (limits applied again to a prepared cgroup), memsw goes first.
    Path limit = memory.resolve("memory.limit_in_bytes");
    Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
    boolean hasMemsw = CgroupFs.isFile(memsw);
    if (hasMemsw && limits.memoryBytes() > Long.parseLong(CgroupFs.read(memsw).strip())) {
      CgroupFs.write(memsw, bytes);
      CgroupFs.write(limit, bytes);
    } else {
      CgroupFs.write(limit, bytes);
      if (hasMemsw) {
        CgroupFs.write(memsw, bytes);
      }
    }
    try {
      CgroupFs.write(memory.resolve("memory.swappiness"), "0");
    } catch (CgroupException e) {
      // Some kernels refuse per-cgroup swappiness under a hierarchical parent. Harmless: memsw
      // still caps swap; swappiness 0 only keeps a run from being slowed down by swapping.
      LOG.debug("cgroup {}: swappiness left as it was: {}", name, e.getMessage());
    }
    // oom_kill_disable 0: a full cgroup has its biggest process killed instead of pausing forever.
    CgroupFs.write(memory.resolve("memory.oom_control"), "0");
    CgroupFs.write(dir("pids", name).resolve("pids.max"), Integer.toString(limits.pids()));
    Path cpu = dir("cpu", name);
    CgroupFs.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_MICROS));
    CgroupFs.write(
        cpu.resolve("cpu.cfs_quota_us"), Long.toString(Hierarchy.cpuQuotaMicros(limits)));
  }

  @Override
  public long cpuNanos(String name) {
    return CgroupFs.readLong(dir("cpuacct", name).resolve("cpuacct.usage"));
  }

  @Override
  public long memoryBytes(String name) {
    return CgroupFs.readLong(dir("memory", name).resolve("memory.usage_in_bytes"));
  }

  @Override
  public Usage usage(String name) {
    Path memory = dir("memory", name);
    return new Usage(
        cpuNanos(name),
        CgroupFs.readLong(memory.resolve("memory.max_usage_in_bytes")),
        CgroupFs.keyed(memory.resolve("memory.oom_control"), "oom_kill"),
        CgroupFs.keyed(dir("pids", name).resolve("pids.events"), "max"));
  }

  /**
   * Freeze, SIGKILL, thaw, until empty. Frozen processes cannot fork, so the list read while frozen
   * is complete; the kills are delivered on thaw, before any of them runs another instruction. A
   * freeze can stall (a process in uninterruptible sleep), hence bounded waits and more rounds.
   */
  @Override
  public void killAll(String name) {
    // Without the freezer (cleaning up on a host that lost it), killing still works, with a race.
    Path freezer = mounts.containsKey("freezer") ? dir("freezer", name) : null;
    for (int round = 0; round < KILL_ROUNDS; round++) {
      if (pids(name).isEmpty()) {
        return;
      }
      boolean canFreeze = freezer != null && CgroupFs.isDirectory(freezer);
      try {
        if (canFreeze) {
          CgroupFs.write(freezer.resolve("freezer.state"), "FROZEN");
          Hierarchy.await(() -> frozen(freezer), FREEZE_WAIT_MILLIS);
        }
        Hierarchy.sigkill(pids(name));
      } finally {
        if (canFreeze) {
          CgroupFs.write(freezer.resolve("freezer.state"), "THAWED");
        }
      }
      if (Hierarchy.await(() -> pids(name).isEmpty(), EXIT_WAIT_MILLIS)) {
        return;
      }
    }
    throw new CgroupException(
        Code.OPERATION_FAILED,
        "processes "
            + pids(name)
            + " of cgroup "
            + name
            + " survived "
            + KILL_ROUNDS
            + " kill rounds");
  }

  private static boolean frozen(Path freezer) {
    return CgroupFs.read(freezer.resolve("freezer.state")).strip().equals("FROZEN");
  }

  /** Every pid in any of the run's hierarchies: a launcher that died half-way joined only some. */
  private Set<Long> pids(String name) {
    Set<Long> pids = new LinkedHashSet<>();
    for (Path dir : runDirs(name)) {
      pids.addAll(CgroupFs.readPids(dir.resolve("cgroup.procs")));
    }
    return pids;
  }
}
