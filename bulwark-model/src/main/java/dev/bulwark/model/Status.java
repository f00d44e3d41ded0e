package dev.bulwark.model;

/**
 * How an execution ended. Exactly one status per execution; each names a distinct cause so that an
 * agent (or its operator) can react without reading stderr.
 */
public enum Status {
  /** The program exited with code 0 and no limit was hit. */
  OK,
  /** The program exited non-zero or died of a signal that no limit explains. */
  ERROR,
  /** The wall-clock timeout fired and the sandbox was killed. */
  TIMEOUT,
  /** The CPU-time budget was used up (rlimit or the cgroup's CPU accounting). */
  CPU_LIMIT,
  /** The memory cgroup ran out of memory (swap included) and the kernel killed a process. */
  OOM,
  /** The process-count limit refused a fork or a thread. */
  PIDS_LIMIT,
  /** A stream produced more than its output cap; what was kept is the head and the tail. */
  OUTPUT_LIMIT,
  /** A file grew beyond the maximum file size (SIGXFSZ). */
  FILE_LIMIT,
  /** The validation layer denied the code; it never ran. */
  POLICY_DENIED,
  /** The only failure was a network connection the egress policy refused. */
  NETWORK_DENIED,
  /** The engine failed (sandbox setup, a missing runtime): never the user's fault. */
  SANDBOX_ERROR,
  /** The caller cancelled the execution. */
  CANCELLED
}
