package dev.bulwark.internal.run;

import dev.bulwark.model.Status;

/**
 * Turns what the host observed about a finished run into one status and a one-line reason. Pure:
 * every input is a host-side observation (timers, cgroup counters, the sandbox manager's own report
 * of the payload's exit), never something the sandboxed program printed.
 *
 * <p>A run that reached both the process limit and the memory limit is one status only, the one
 * that tells the user what their program did. A fork bomb fills the process table, then its
 * processes (each one's pages, its failed forks' tracebacks) fill the memory: its OOM kill is a
 * consequence, and the user needs to hear {@link Status#PIDS_LIMIT}. A program whose memory ran out
 * before any fork was refused hears {@link Status#OOM}, as does one that only allocates (it never
 * has a fork refused). So: OOM kills with refused forks are {@code PIDS_LIMIT} unless the host saw
 * the OOM kill before the first refusal ({@link Observation#oomBeforeForkRefused}); the host looks
 * at both counters while the run lasts, and two first seen at the same look count as the forks
 * first.
 */
public record Verdict(Status status, String reason, Integer signal) {
  static final int SIGKILL = 9;
  static final int SIGXCPU = 24;
  static final int SIGXFSZ = 25;

  /**
   * What the host saw. Kills the host decided on (cancel, timeout, flood, CPU budget) come first:
   * they also cut the sandbox manager short, so its report says nothing about them.
   *
   * @param setupFinished the sandbox manager (bwrap, runsc) reported the payload's exit, so the
   *     sandbox was built
   * @param exitCode the payload's exit code, or 128+N for signal N; the manager's own when it did
   *     not report one
   * @param setupError the manager's own complaint when setup failed
   * @param cancelled the caller cancelled
   * @param timedOut the wall clock ran out
   * @param cpuExhausted the host saw the cgroup's CPU time pass the budget and stopped the run
   * @param outputFlooded a stream passed its flood threshold and the run was stopped
   * @param outputTruncated a stream went over its output limit
   * @param oomKills OOM kills in the run's memory cgroup
   * @param pidsLimitHits forks refused by the pids cgroup
   * @param oomBeforeForkRefused the host saw an OOM kill at a moment when no fork had been refused
   *     yet (false when it saw a refusal first, both at once, or neither)
   * @param cpuNanos CPU time the run used
   * @param cpuBudgetNanos the CPU time limit
   */
  public record Observation(
      boolean setupFinished,
      int exitCode,
      String setupError,
      boolean cancelled,
      boolean timedOut,
      boolean cpuExhausted,
      boolean outputFlooded,
      boolean outputTruncated,
      long oomKills,
      long pidsLimitHits,
      boolean oomBeforeForkRefused,
      long cpuNanos,
      long cpuBudgetNanos,
      String timeoutText) {}

  public static Verdict of(Observation o) {
    Integer signal = o.exitCode > 128 && o.exitCode < 128 + 65 ? o.exitCode - 128 : null;
    if (o.cancelled) {
      return new Verdict(Status.CANCELLED, "cancelled by the caller", signal);
    }
    if (o.timedOut) {
      return new Verdict(
          Status.TIMEOUT, "wall-clock timeout of " + o.timeoutText + " reached", signal);
    }
    if (o.outputFlooded) {
      return new Verdict(Status.OUTPUT_LIMIT, "output flood: the run was stopped", signal);
    }
    if (o.cpuExhausted) {
      return new Verdict(Status.CPU_LIMIT, "CPU time limit used up by the run's processes", signal);
    }
    boolean failed = o.exitCode != 0;
    if (o.oomKills > 0 && (failed || !o.setupFinished)) {
      if (o.pidsLimitHits > 0 && !o.oomBeforeForkRefused) {
        return new Verdict(
            Status.PIDS_LIMIT,
            "process limit reached: a fork or thread was refused, and the processes then ran out"
                + " of memory",
            signal);
      }
      // tmpfs pages belong to no process: the OOM killer may take the sandbox manager itself
      // (bwrap, gVisor's Sentry) before it reports.
      return new Verdict(Status.OOM, "out of memory: the memory limit was reached", signal);
    }
    if (!o.setupFinished && o.pidsLimitHits > 0) {
      // gVisor's Sentry shares the process limit with the program and ends when it reaches it.
      return new Verdict(
          Status.PIDS_LIMIT, "process limit reached: a fork or thread was refused", signal);
    }
    if (!o.setupFinished) {
      String why =
          o.setupError.isBlank() ? "the sandbox manager exited with " + o.exitCode : o.setupError;
      return new Verdict(Status.SANDBOX_ERROR, "sandbox setup failed: " + why, null);
    }
    if ((signal != null && signal == SIGXCPU) || (failed && o.cpuNanos >= o.cpuBudgetNanos)) {
      return new Verdict(Status.CPU_LIMIT, "CPU time limit used up", signal);
    }
    if (failed && o.pidsLimitHits > 0) {
      return new Verdict(
          Status.PIDS_LIMIT, "process limit reached: a fork or thread was refused", signal);
    }
    if (signal != null && signal == SIGXFSZ) {
      return new Verdict(Status.FILE_LIMIT, "maximum file size exceeded", signal);
    }
    if (o.outputTruncated) {
      return new Verdict(Status.OUTPUT_LIMIT, "output limit exceeded: head and tail kept", signal);
    }
    if (!failed) {
      return new Verdict(Status.OK, "", null);
    }
    return new Verdict(
        Status.ERROR,
        signal != null
            ? "killed by signal " + signalName(signal)
            : "exited with code " + o.exitCode,
        signal);
  }

  static String signalName(int signal) {
    return switch (signal) {
      case 1 -> "SIGHUP";
      case 2 -> "SIGINT";
      case 3 -> "SIGQUIT";
      case 4 -> "SIGILL";
      case 6 -> "SIGABRT";
      case 7 -> "SIGBUS";
      case 8 -> "SIGFPE";
      case SIGKILL -> "SIGKILL";
      case 11 -> "SIGSEGV";
      case 13 -> "SIGPIPE";
      case 15 -> "SIGTERM";
      case SIGXCPU -> "SIGXCPU";
      case SIGXFSZ -> "SIGXFSZ";
      case 31 -> "SIGSYS (a forbidden system call)";
      default -> Integer.toString(signal);
    };
  }
}
