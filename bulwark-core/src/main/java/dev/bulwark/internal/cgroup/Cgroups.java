package dev.bulwark.internal.cgroup;

import dev.bulwark.internal.cgroup.CgroupException.Code;
import dev.bulwark.model.Limits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The host's cgroups, v1 or v2: the one place that knows which. Each run gets its own cgroup {@code
 * <base>/<name>} (by default {@code bulwark/<name>}) with memory (swap included), process and CPU
 * limits.
 *
 * <p>Thread-safe. {@link #create} and {@link #cleanupStale} block on cgroupfs, briefly; killing
 * waits for the kernel, up to a few seconds when processes resist.
 *
 * <pre>{@code
 * Cgroups cgroups = Cgroups.detect();
 * if (!cgroups.problems().isEmpty()) log.warn("cgroups: {}", cgroups.problems());
 * cgroups.cleanupStale(name -> !activeRuns.contains(name));
 * try (RunCgroup run = cgroups.create("run-42", Profiles.STRICT)) {
 *   // launch: "echo $$ > <each of run.procsFiles()>; exec bwrap ..."
 *   Usage usage = run.usage();
 * }
 * }</pre>
 */
public final class Cgroups {
  private static final Path DEFAULT_BASE = Path.of("bulwark");
  private static final int MOUNTINFO_LIMIT = 8 << 20;

  private final Hierarchy hierarchy;

  private Cgroups(Hierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  /** The host's cgroups, runs under {@code bulwark/} of each hierarchy. Never throws. */
  public static Cgroups detect() {
    return detect(DEFAULT_BASE);
  }

  /**
   * The host's cgroups, runs under {@code base}. Never throws: what is missing is in {@link
   * #problems()}.
   *
   * @param base where runs are created, relative to the hierarchy root: {@code bulwark}, or on a
   *     cgroup v2 host without root a delegated subtree such as {@code
   *     user.slice/user-1000.slice/user@1000.service/app.slice/bulwark.service/runs}
   * @throws IllegalArgumentException if {@code base} is absolute or climbs with {@code ..}
   */
  public static Cgroups detect(Path base) {
    checkBase(base);
    String mountinfo;
    try {
      mountinfo = CgroupFs.read(Path.of("/proc/self/mountinfo"), MOUNTINFO_LIMIT);
    } catch (CgroupException e) {
      return new Cgroups(
          new NoHierarchy(List.of(e.getMessage() + ": mount /proc to let Bulwark find cgroups")));
    }
    return fromMounts(MountInfo.parseCgroupMounts(mountinfo), base);
  }

  /**
   * Picks the interface. A controller can be bound to one hierarchy only, so if any controller we
   * need is on v1, v2 cannot have it: hybrid hosts (like systemd's "unified" cgroup2 next to v1
   * controllers) are v1 hosts to us.
   */
  static Cgroups fromMounts(List<MountInfo> mounts, Path base) {
    Map<String, Path> v1 = new LinkedHashMap<>();
    Path v2 = null;
    for (MountInfo mount : mounts) {
      if (mount.fsType().equals("cgroup")) {
        for (String option : mount.superOptions()) {
          if (V1Hierarchy.CONTROLLERS.contains(option)) {
            v1.putIfAbsent(option, mount.mountPoint());
          }
        }
      } else if (v2 == null) {
        v2 = mount.mountPoint();
      }
    }
    try {
      if (!v1.isEmpty()) {
        return v1(v1, base);
      }
      if (v2 != null) {
        return v2(v2, base);
      }
    } catch (CgroupException e) { // an unreadable cgroupfs file: report, do not throw
      return new Cgroups(
          new NoHierarchy(List.of("cannot inspect the cgroup filesystem: " + e.getMessage())));
    }
    return new Cgroups(
        new NoHierarchy(
            List.of("no cgroup filesystem is mounted: mount -t cgroup2 none /sys/fs/cgroup")));
  }

  static Cgroups v1(Map<String, Path> controllerMounts) {
    return v1(controllerMounts, DEFAULT_BASE);
  }

  static Cgroups v1(Map<String, Path> controllerMounts, Path base) {
    return new Cgroups(new V1Hierarchy(controllerMounts, checkBase(base)));
  }

  static Cgroups v2(Path root) {
    return v2(root, DEFAULT_BASE);
  }

  static Cgroups v2(Path root, Path base) {
    return new Cgroups(new V2Hierarchy(root, checkBase(base)));
  }

  private static Path checkBase(Path base) {
    Objects.requireNonNull(base, "base");
    boolean climbs = false;
    for (Path segment : base) {
      climbs |= segment.toString().equals("..") || segment.toString().equals(".");
    }
    if (base.isAbsolute() || climbs || base.toString().isEmpty()) {
      throw new IllegalArgumentException(
          "cgroup base must be a relative path inside the hierarchy without . or .., was '"
              + base
              + "'");
    }
    return base;
  }

  public Version version() {
    return hierarchy.version();
  }

  /** What keeps cgroups from being fully usable here, each with its fix; empty when all is well. */
  public List<String> problems() {
    return hierarchy.problems();
  }

  /**
   * For logs and the settings printout, e.g. {@code cgroup v1 (memory, cpu, cpuacct, pids,
   * freezer)}.
   */
  public String describe() {
    return hierarchy.describe();
  }

  /**
   * Creates the run's cgroup in every hierarchy and applies the limits: memory with swap included,
   * pids, CPU quota. On failure nothing is left behind.
   *
   * @param name 1 to 64 of {@code A-Z a-z 0-9 _ . -}; must not exist yet
   * @throws IllegalArgumentException for an invalid name
   * @throws CgroupException when cgroups are unusable ({@link Code#HOST_NOT_READY}, with the
   *     problems) or a directory or limit could not be made
   */
  public RunCgroup create(String name, Limits limits) {
    Objects.requireNonNull(limits, "limits");
    return create(name, Optional.of(limits));
  }

  /**
   * Creates the run's cgroup in every hierarchy, without limits: for a launcher staged before its
   * request is known. {@link RunCgroup#applyLimits} must succeed before anything untrusted joins.
   *
   * @throws IllegalArgumentException for an invalid name
   * @throws CgroupException as {@link #create(String, Limits)}
   */
  public RunCgroup createUnlimited(String name) {
    return create(name, Optional.empty());
  }

  private RunCgroup create(String name, Optional<Limits> limits) {
    CgroupFs.checkName(name);
    if (!hierarchy.blockers().isEmpty()) {
      throw new CgroupException(
          Code.HOST_NOT_READY,
          "cgroups are not usable: " + String.join("; ", hierarchy.blockers()));
    }
    hierarchy.prepareBase();
    List<Path> created = new ArrayList<>();
    try {
      for (Path dir : hierarchy.runDirs(name)) {
        CgroupFs.mkdir(dir);
        created.add(dir);
      }
      limits.ifPresent(l -> hierarchy.applyLimits(name, l));
      return new RunCgroup(hierarchy, name);
    } catch (RuntimeException e) {
      for (Path dir : created.reversed()) { // still empty: nothing has joined yet
        try {
          CgroupFs.rmdir(dir, 1);
        } catch (CgroupException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /**
   * Removes the cgroups a previous engine left behind: for each existing run whose name {@code
   * isStale}, kills all its processes and removes its directories. Every stale run is tried.
   *
   * @return how many runs were removed
   * @throws CgroupException after trying all, if some could not be removed (the others are gone)
   */
  public int cleanupStale(Predicate<String> isStale) {
    Objects.requireNonNull(isStale, "isStale");
    int removed = 0;
    List<String> failed = new ArrayList<>();
    List<CgroupException> causes = new ArrayList<>();
    for (String name : hierarchy.existingNames()) {
      if (!isStale.test(name)) {
        continue;
      }
      try {
        new RunCgroup(hierarchy, name).close();
        removed++;
      } catch (CgroupException e) {
        failed.add(name);
        causes.add(e);
      }
    }
    if (!failed.isEmpty()) {
      CgroupException e =
          new CgroupException(
              Code.OPERATION_FAILED,
              "stale cgroups "
                  + failed
                  + " could not be removed ("
                  + removed
                  + " others were): "
                  + causes.getFirst().getMessage());
      causes.forEach(e::addSuppressed);
      throw e;
    }
    return removed;
  }

  @Override
  public String toString() {
    return describe();
  }
}
