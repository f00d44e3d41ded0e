package dev.bulwark.internal.cgroup;

import dev.bulwark.internal.cgroup.CgroupException.Code;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.Usage;
import java.nio.file.Path;
import java.util.List;

/**
 * The cgroup of one run, with its limits already applied. A launcher joins it by writing its own
 * pid into every {@link #procsFiles() cgroup.procs file} before it execs the sandbox; everything
 * the sandbox starts afterwards is inside, and stays inside (the sandbox sees no cgroupfs).
 *
 * <p>Thread-safe: {@link #usage()} and {@link #killAll()} may run while another thread waits for
 * the process. {@link #close()} kills and removes; read the usage before it.
 */
public final class RunCgroup implements AutoCloseable {
  /**
   * rmdir retries of 10 ms: the kernel may need a moment to finish the exits of killed processes.
   */
  private static final int RMDIR_ATTEMPTS = 200;

  private final Hierarchy hierarchy;
  private final String name;
  private boolean closed;

  RunCgroup(Hierarchy hierarchy, String name) {
    this.hierarchy = hierarchy;
    this.name = CgroupFs.checkName(name);
  }

  public String name() {
    return name;
  }

  /**
   * The {@code cgroup.procs} files a launcher must write its own pid into, each of them, before it
   * execs the sandbox: {@code echo $$ > f}. One file on cgroup v2; one per hierarchy on v1.
   */
  public List<Path> procsFiles() {
    return hierarchy.runDirs(name).stream().map(dir -> dir.resolve("cgroup.procs")).toList();
  }

  /**
   * Applies limits again, replacing those of {@link Cgroups#create}: for a cgroup prepared before
   * its request was known. Call it before the sandbox starts.
   *
   * @throws CgroupException if a limit file refuses the value
   */
  public void applyLimits(Limits limits) {
    hierarchy.applyLimits(name, limits);
  }

  /**
   * The current readings of the run's cgroup.
   *
   * @throws CgroupException if the cgroup is gone (after {@link #close()}) or unreadable
   */
  public Usage usage() {
    checkOpen();
    return hierarchy.usage(name);
  }

  /**
   * The memory charged to the run now.
   *
   * @throws CgroupException if the cgroup is gone (after {@link #close()}) or unreadable
   */
  public long memoryBytes() {
    checkOpen();
    return hierarchy.memoryBytes(name);
  }

  /**
   * CPU time used so far, a single reading: what supervision needs on every tick.
   *
   * @throws CgroupException if the cgroup is gone (after {@link #close()}) or unreadable
   */
  public long cpuNanos() {
    checkOpen();
    return hierarchy.cpuNanos(name);
  }

  private synchronized void checkOpen() {
    if (closed) {
      throw new CgroupException(
          Code.OPERATION_FAILED, "cgroup " + name + " is closed: read its usage before closing");
    }
  }

  /**
   * Kills every process in the cgroup and returns once none is left. Blocks up to a few seconds.
   *
   * @throws CgroupException if processes survive repeated kills
   */
  public void killAll() {
    hierarchy.killAll(name);
  }

  /**
   * Kills every process and removes the cgroup. Idempotent once it has succeeded; after a failure
   * it may be called again.
   *
   * @throws CgroupException if processes survive or a directory cannot be removed
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    hierarchy.killAll(name);
    for (Path dir : hierarchy.runDirs(name)) {
      CgroupFs.rmdir(dir, RMDIR_ATTEMPTS);
    }
    closed = true;
  }

  @Override
  public String toString() {
    return "RunCgroup[" + name + "]";
  }
}
