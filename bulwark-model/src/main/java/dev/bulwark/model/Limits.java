package dev.bulwark.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits of one execution, all enforced from outside the sandbox.
 *
 * @param memoryBytes memory cgroup limit, swap included
 * @param cpus CPU quota in vCPUs (cgroup CFS quota), e.g. 0.5
 * @param pids maximum number of processes and threads
 * @param wallTimeout wall-clock time after which the sandbox is killed
 * @param cpuTime CPU time budget over all processes of the run
 * @param fileSizeBytes largest file a process may write (RLIMIT_FSIZE)
 * @param tmpfsBytes size of each writable tmpfs: the workspace {@code /work}, {@code /tmp} and
 *     {@code /dev/shm}
 * @param openFiles maximum open file descriptors per process (RLIMIT_NOFILE)
 * @param outputBytes bytes kept per output stream (head and tail); beyond it the run ends with
 *     {@link Status#OUTPUT_LIMIT}
 */
public record Limits(
    long memoryBytes,
    double cpus,
    int pids,
    Duration wallTimeout,
    Duration cpuTime,
    long fileSizeBytes,
    long tmpfsBytes,
    int openFiles,
    long outputBytes) {

  public Limits {
    Objects.requireNonNull(wallTimeout, "wallTimeout");
    Objects.requireNonNull(cpuTime, "cpuTime");
    atLeast("memory", memoryBytes, 16L << 20, "16m");
    if (!(cpus >= 0.01 && cpus <= 1024)) {
      throw new IllegalArgumentException("cpus must be between 0.01 and 1024, was " + cpus);
    }
    atLeast("pids", pids, 8, "8");
    atLeast("timeout", wallTimeout.toMillis(), 10, "10ms");
    atLeast("cpu time", cpuTime.toMillis(), 10, "10ms");
    atLeast("file size", fileSizeBytes, 4096, "4k");
    atLeast("tmpfs size", tmpfsBytes, 1L << 20, "1m");
    atLeast("open files", openFiles, 16, "16");
    atLeast("output limit", outputBytes, 1024, "1k");
  }

  private static void atLeast(String name, long value, long minimum, String shown) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + shown + ", was " + value);
    }
  }

  /** True when every limit of this is at most the same limit of {@code ceiling}. */
  public boolean within(Limits ceiling) {
    return memoryBytes <= ceiling.memoryBytes
        && cpus <= ceiling.cpus
        && pids <= ceiling.pids
        && wallTimeout.compareTo(ceiling.wallTimeout) <= 0
        && cpuTime.compareTo(ceiling.cpuTime) <= 0
        && fileSizeBytes <= ceiling.fileSizeBytes
        && tmpfsBytes <= ceiling.tmpfsBytes
        && openFiles <= ceiling.openFiles
        && outputBytes <= ceiling.outputBytes;
  }

  public Limits withMemoryBytes(long value) {
    return new Limits(
        value, cpus, pids, wallTimeout, cpuTime, fileSizeBytes, tmpfsBytes, openFiles, outputBytes);
  }

  public Limits withCpus(double value) {
    return new Limits(
        memoryBytes,
        value,
        pids,
        wallTimeout,
        cpuTime,
        fileSizeBytes,
        tmpfsBytes,
        openFiles,
        outputBytes);
  }

  public Limits withPids(int value) {
    return new Limits(
        memoryBytes,
        cpus,
        value,
        wallTimeout,
        cpuTime,
        fileSizeBytes,
        tmpfsBytes,
        openFiles,
        outputBytes);
  }

  /**
   * Sets the wall timeout and nothing else: lowering the CPU budget with it would make a busy
   * program hit both limits at the same moment, and its status a coin toss.
   */
  public Limits withWallTimeout(Duration value) {
    return new Limits(
        memoryBytes, cpus, pids, value, cpuTime, fileSizeBytes, tmpfsBytes, openFiles, outputBytes);
  }

  public Limits withCpuTime(Duration value) {
    return new Limits(
        memoryBytes,
        cpus,
        pids,
        wallTimeout,
        value,
        fileSizeBytes,
        tmpfsBytes,
        openFiles,
        outputBytes);
  }

  public Limits withFileSizeBytes(long value) {
    return new Limits(
        memoryBytes, cpus, pids, wallTimeout, cpuTime, value, tmpfsBytes, openFiles, outputBytes);
  }

  public Limits withTmpfsBytes(long value) {
    return new Limits(
        memoryBytes,
        cpus,
        pids,
        wallTimeout,
        cpuTime,
        fileSizeBytes,
        value,
        openFiles,
        outputBytes);
  }

  public Limits withOpenFiles(int value) {
    return new Limits(
        memoryBytes,
        cpus,
        pids,
        wallTimeout,
        cpuTime,
        fileSizeBytes,
        tmpfsBytes,
        value,
        outputBytes);
  }

  public Limits withOutputBytes(long value) {
    return new Limits(
        memoryBytes, cpus, pids, wallTimeout, cpuTime, fileSizeBytes, tmpfsBytes, openFiles, value);
  }
}
