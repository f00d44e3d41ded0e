package dev.bulwark.internal.gvisor;

import dev.bulwark.model.Limits;

/**
 * What a run's limits mean for the host's cgroup of a gVisor sandbox, where the program's processes
 * are not the host's: the Sentry (gVisor's kernel, a Go program), its gofer and {@code runsc} share
 * the cgroup with them, and the Sentry keeps the program's memory, tmpfs included, in a file of its
 * own.
 *
 * <ul>
 *   <li><b>memory</b>: the program's limit plus the Sentry's own working set, so that a program
 *       gets about what it would get in bubblewrap; reaching it, the host's OOM killer ends the
 *       Sentry, and with it the sandbox (OOM);
 *   <li><b>processes</b>: counted in host tasks, of which the Sentry has a few dozen of its own and
 *       each program process adds a handful (a stub process and the threads that trace it, on the
 *       ptrace platform); reaching the limit ends the sandbox (PIDS_LIMIT) rather than failing one
 *       fork, because the Sentry cannot run without the threads it asks for;
 *   <li><b>CPU</b>: the quota as given; the Sentry's work on the program's behalf counts as the
 *       program's.
 * </ul>
 *
 * The allowances were measured on the development machine (runsc 20221219, ptrace, 2 cores): an
 * idle Python runner's sandbox holds about 45 MiB and 55 host tasks, and each further process of
 * the program about 5 tasks and 4 MiB.
 */
public final class SentryLimits {
  /** The Sentry's and gofer's memory beyond the program's, with room to spare. */
  public static final long SENTRY_MEMORY_BYTES = 96L << 20;

  /**
   * The host tasks of an idle sandbox (runsc, gofer, Sentry: about 55 on 2 cores), with room for a
   * busy Sentry, whose Go runtime adds threads with the host's cores.
   */
  static final int SENTRY_TASKS = 64 + 4 * Runtime.getRuntime().availableProcessors();

  /**
   * Host tasks per program process: a stub process and its tracing threads (about 5.3 measured).
   * Tight, so that a fork bomb reaches the process limit before the memory one: a gVisor process
   * also costs the host about 4 MiB.
   */
  static final int TASKS_PER_PROCESS = 5;

  private SentryLimits() {}

  /** The limits the host's cgroup of a sandbox running under {@code limits} gets. */
  static Limits onHost(Limits limits) {
    return limits
        .withMemoryBytes(limits.memoryBytes() + SENTRY_MEMORY_BYTES)
        .withPids(SENTRY_TASKS + TASKS_PER_PROCESS * limits.pids());
  }
}
