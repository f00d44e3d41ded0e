package dev.bulwark.internal.cgroup;

import dev.bulwark.internal.cgroup.CgroupException.Code;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * cgroup v2: one tree. Runs live in {@code <root>/<base>/<name>}; every directory from the root
 * down to the base delegates the controllers to its children through {@code
 * cgroup.subtree_control}.
 *
 * <p>"No internal processes": a non-root cgroup that delegates controllers may not hold processes.
 * So the base directory (and any delegated ancestor) must stay empty; processes only ever join a
 * run's own directory.
 */
final class V2Hierarchy implements Hierarchy {
  static final List<String> CONTROLLERS = List.of("memory", "pids", "cpu");

  private static final int KILL_ROUNDS = 10;
  private static final long WAIT_MILLIS = 1_000;

  private final Path root;
  private final Path base;
  private final Path baseDir;
  private final List<String> available = new ArrayList<>();
  private final List<String> blockers = new ArrayList<>();
  private volatile boolean prepared;

  /**
   * @param root the cgroup2 mount point
   * @param base relative path under it that holds the runs: {@code bulwark}, or a delegated subtree
   *     such as {@code user.slice/user-1000.slice/user@1000.service/app.slice/bulwark}
   */
  V2Hierarchy(Path root, Path base) {
    this.root = root;
    this.base = base;
    this.baseDir = root.resolve(base);
    Path parent = CgroupFs.nearestExisting(baseDir.getParent());
    Path controllersFile = parent.resolve("cgroup.controllers");
    Set<String> offered = CgroupFs.isFile(controllersFile) ? words(controllersFile) : Set.of();
    for (String controller : CONTROLLERS) {
      if (offered.contains(controller)) {
        available.add(controller);
      } else {
        blockers.add(
            "cgroup v2 controller '"
                + controller
                + "' is not available in "
                + parent
                + " (cgroup.controllers): enable it in the parent's cgroup.subtree_control, or for"
                + " a systemd unit set Delegate=yes");
      }
    }
    if (!Hierarchy.canCreateIn(baseDir)) {
      blockers.add(Hierarchy.notWritable(CgroupFs.nearestExisting(baseDir)));
    }
    for (Path dir : chain()) {
      if (!dir.equals(root) && !CgroupFs.readPids(dir.resolve("cgroup.procs")).isEmpty()) {
        blockers.add(
            dir
                + " holds processes, and cgroup v2 lets only an empty cgroup delegate"
                + " controllers: move them into a leaf cgroup (e.g. "
                + dir.resolve("engine")
                + ")");
      }
    }
  }

  /** The root, then each directory down to the base directory, those that exist. */
  private List<Path> chain() {
    List<Path> dirs = new ArrayList<>(List.of(root));
    Path dir = root;
    for (Path segment : base) {
      dir = dir.resolve(segment.toString());
      if (!CgroupFs.isDirectory(dir)) {
        break;
      }
      dirs.add(dir);
    }
    return dirs;
  }

  /** The space-separated words of a file such as {@code cgroup.controllers}. */
  private static Set<String> words(Path file) {
    return Set.copyOf(List.of(CgroupFs.read(file).strip().split("\\s+")));
  }

  @Override
  public Version version() {
    return Version.V2;
  }

  @Override
  public String describe() {
    return "cgroup v2 at " + baseDir + " (" + String.join(", ", available) + ")";
  }

  @Override
  public List<String> problems() {
    return List.copyOf(blockers);
  }

  @Override
  public List<String> blockers() {
    return List.copyOf(blockers);
  }

  @Override
  public void prepareBase() {
    if (prepared) {
      return;
    }
    synchronized (this) {
      if (!prepared) {
        CgroupFs.ensureDirs(root, base);
        for (Path dir : chain()) {
          delegate(dir);
        }
        prepared = true;
      }
    }
  }

  /** Enables the controllers for the children of {@code dir}, in one write: all or nothing. */
  private static void delegate(Path dir) {
    Path control = dir.resolve("cgroup.subtree_control");
    Set<String> enabled = words(control);
    String missing =
        CONTROLLERS.stream()
            .filter(c -> !enabled.contains(c))
            .map(c -> "+" + c)
            .collect(Collectors.joining(" "));
    if (missing.isEmpty()) {
      return;
    }
    try {
      CgroupFs.write(control, missing);
    } catch (CgroupException e) {
      throw new CgroupException(
          Code.HOST_NOT_READY,
          e.getMessage()
              + " (a cgroup holding processes cannot delegate controllers; the parent"
              + " must offer them in cgroup.controllers)",
          e);
    }
  }

  @Override
  public List<Path> runDirs(String name) {
    return List.of(baseDir.resolve(name));
  }

  @Override
  public List<String> existingNames() {
    return CgroupFs.runNames(baseDir);
  }

  @Override
  public void applyLimits(String name, Limits limits) {
    Path dir = baseDir.resolve(name);
    CgroupFs.write(dir.resolve("memory.max"), Long.toString(limits.memoryBytes()));
    // Absent when the kernel does not account swap; then no swap can be charged to the run either.
    Path swap = dir.resolve("memory.swap.max");
    if (CgroupFs.isFile(swap)) {
      CgroupFs.write(swap, "0");
    }
    CgroupFs.write(dir.resolve("pids.max"), Integer.toString(limits.pids()));
    CgroupFs.write(
        dir.resolve("cpu.max"), Hierarchy.cpuQuotaMicros(limits) + " " + CPU_PERIOD_MICROS);
  }

  @Override
  public long cpuNanos(String name) {
    return CgroupFs.keyed(baseDir.resolve(name).resolve("cpu.stat"), "usage_usec") * 1_000;
  }

  @Override
  public long memoryBytes(String name) {
    return CgroupFs.readLong(baseDir.resolve(name).resolve("memory.current"));
  }

  @Override
  public Usage usage(String name) {
    Path dir = baseDir.resolve(name);
    Path peak = dir.resolve("memory.peak"); // Linux 5.19+
    return new Usage(
        cpuNanos(name),
        CgroupFs.readLong(CgroupFs.isFile(peak) ? peak : dir.resolve("memory.current")),
        CgroupFs.keyed(dir.resolve("memory.events"), "oom_kill"),
        CgroupFs.keyed(dir.resolve("pids.events"), "max"));
  }

  /**
   * {@code cgroup.kill} (Linux 5.14+) kills the whole cgroup in the kernel, racing no fork. Older
   * kernels: freeze, SIGKILL each pid, thaw, as on v1.
   */
  @Override
  public void killAll(String name) {
    Path dir = baseDir.resolve(name);
    Path procs = dir.resolve("cgroup.procs");
    Path kill = dir.resolve("cgroup.kill");
    for (int round = 0; round < KILL_ROUNDS; round++) {
      if (CgroupFs.isFile(kill)) {
        CgroupFs.write(kill, "1");
      } else if (!CgroupFs.readPids(procs).isEmpty()) {
        freezeAndKill(dir);
      }
      if (Hierarchy.await(() -> CgroupFs.readPids(procs).isEmpty(), WAIT_MILLIS)) {
        return;
      }
    }
    throw new CgroupException(
        Code.OPERATION_FAILED,
        "processes "
            + CgroupFs.readPids(procs)
            + " of cgroup "
            + dir
            + " survived "
            + KILL_ROUNDS
            + " kill rounds");
  }

  private static void freezeAndKill(Path dir) {
    Path freeze = dir.resolve("cgroup.freeze");
    try {
      CgroupFs.write(freeze, "1");
      Hierarchy.await(
          () -> CgroupFs.keyed(dir.resolve("cgroup.events"), "frozen") == 1, WAIT_MILLIS);
      Hierarchy.sigkill(CgroupFs.readPids(dir.resolve("cgroup.procs")));
    } finally {
      CgroupFs.write(freeze, "0");
    }
  }
}
