package dev.bulwark.cli;

import dev.bulwark.Requests;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Limits;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The limit flags shared by commands that run code: a profile, then per-limit overrides. */
final class LimitOptions {
  /** Each override's flag, by its name in the request ({@code limits.memory}). */
  private static final Map<String, String> FLAGS =
      Map.of(
          "profile", "--profile",
          "limits.timeout", "--timeout",
          "limits.cpuTime", "--cpu-time",
          "limits.memory", "--memory",
          "limits.cpus", "--cpus",
          "limits.pids", "--pids",
          "limits.fileSize", "--file-size",
          "limits.tmpfsSize", "--tmpfs-size",
          "limits.openFiles", "--open-files",
          "limits.outputLimit", "--output-limit");

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
  ByteSize memory;

  @Option(names = "--cpus", paramLabel = "N", description = "CPU quota in vCPUs (e.g. 0.5).")
  Double cpus;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Wall-clock timeout (e.g. 500ms, 30s).")
  Duration timeout;

  @Option(
      names = "--cpu-time",
      paramLabel = "DURATION",
      description = "CPU time budget of the whole run.")
  Duration cpuTime;

  @Option(names = "--pids", paramLabel = "N", description = "Maximum processes and threads.")
  Integer pids;

  @Option(
      names = "--file-size",
      paramLabel = "SIZE",
      description = "Largest file the code may write.")
  ByteSize fileSize;

  @Option(
      names = "--tmpfs-size",
      paramLabel = "SIZE",
      description = "Size of each of /work, /tmp and /dev/shm.")
  ByteSize tmpfsSize;

  @Option(names = "--open-files", paramLabel = "N", description = "Maximum open files per process.")
  Integer openFiles;

  @Option(
      names = "--output-limit",
      paramLabel = "SIZE",
      description =
          "Output shown per stream; past it, a marker and the stream's last part (e.g. 64k).")
  ByteSize outputLimit;

  /**
   * The profile (or the policy's preset when none was given) with every given flag applied, by the
   * engine's one rule for requests; a bad value throws IllegalArgumentException naming its flag.
   * The command line is the operator's own tool: it has no maximum, so its flags may loosen the
   * profile as well.
   */
  Limits resolve(Requests.Ceiling ceiling) {
    return named(() -> Requests.limits(profile, overrides(), ceiling));
  }

  /** The profile this request names, null for the ceiling's default. */
  String profile() {
    return profile;
  }

  /** What the flags override. */
  LimitOverrides overrides() {
    return new LimitOverrides(
        timeout,
        cpuTime,
        bytes(memory),
        cpus,
        pids,
        bytes(fileSize),
        bytes(tmpfsSize),
        openFiles,
        bytes(outputLimit));
  }

  /** What the rule returns; its refusal of a field, named by the field's flag. */
  static <T> T named(Supplier<T> rule) {
    try {
      return rule.get();
    } catch (Requests.InvalidField e) {
      throw new IllegalArgumentException(
          FLAGS.getOrDefault(e.field(), e.field()) + ": " + e.reason(), e);
    }
  }

  private static Long bytes(ByteSize size) {
    return size == null ? null : size.bytes();
  }
}
