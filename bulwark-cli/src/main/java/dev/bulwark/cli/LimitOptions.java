package dev.bulwark.cli;

import dev.bulwark.Profiles;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Units;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The limit flags shared by commands that run code: a profile, then per-limit overrides. */
final class LimitOptions {
  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Limit preset: default (2g, 1 cpu, 30s), lambda (128m, 15s), strict (256m, 0.5 cpu, 10s, 64 pids). Default: the policy's preset.")
  String profile;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      description = "Memory limit, swap included (e.g. 512m, 2g).")
  String memory;

  @Option(names = "--cpus", paramLabel = "N", description = "CPU quota in vCPUs (e.g. 0.5).")
  Double cpus;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Wall-clock timeout (e.g. 500ms, 30s).")
  String timeout;

  @Option(
      names = "--cpu-time",
      paramLabel = "DURATION",
      description = "CPU time budget of the whole run.")
  String cpuTime;

  @Option(names = "--pids", paramLabel = "N", description = "Maximum processes and threads.")
  Integer pids;

  @Option(
      names = "--file-size",
      paramLabel = "SIZE",
      description = "Largest file the code may write.")
  String fileSize;

  @Option(
      names = "--tmpfs-size",
      paramLabel = "SIZE",
      description = "Size of each of /work, /tmp and /dev/shm.")
  String tmpfsSize;

  @Option(names = "--open-files", paramLabel = "N", description = "Maximum open files per process.")
  Integer openFiles;

  @Option(
      names = "--output-limit",
      paramLabel = "SIZE",
      description = "Bytes kept per output stream (head and tail).")
  String outputLimit;

  /**
   * The profile (or {@code fallback} when none was given) with every given flag applied; a bad
   * value throws IllegalArgumentException.
   */
  Limits resolve(String fallback) {
    Limits l = Profiles.named(profile == null ? fallback : profile);
    // The command line is the operator's own tool: its flags may loosen the profile as well.
    if (memory != null) l = l.withMemoryBytes(size("--memory", memory));
    if (cpus != null) l = l.withCpus(cpus);
    if (timeout != null) l = l.withWallTimeout(duration("--timeout", timeout));
    if (cpuTime != null) l = l.withCpuTime(duration("--cpu-time", cpuTime));
    if (pids != null) l = l.withPids(pids);
    if (fileSize != null) l = l.withFileSizeBytes(size("--file-size", fileSize));
    if (tmpfsSize != null) l = l.withTmpfsBytes(size("--tmpfs-size", tmpfsSize));
    if (openFiles != null) l = l.withOpenFiles(openFiles);
    if (outputLimit != null) l = l.withOutputBytes(size("--output-limit", outputLimit));
    return l;
  }

  private static long size(String flag, String text) {
    try {
      return Units.parseSize(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
    }
  }

  private static Duration duration(String flag, String text) {
    try {
      return Units.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
    }
  }
}
