package dev.bulwark.internal.launch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a staged launcher reads on stdin before it starts a sandbox's manager ({@code
 * bulwark-launch.c}): the length, a newline, then NUL-terminated fields: the CPU rlimit soft and
 * hard (seconds; the soft one sends SIGXCPU, the hard one SIGKILL), the file size and open files
 * limits, the uid to drop to ({@code -}: none), two files opened for reading as descriptors 3 and 4
 * and one opened for writing as descriptor 5, then the command. What follows is the program's
 * input.
 *
 * @param cpuSeconds the soft CPU rlimit, in seconds; the hard one is a second later
 * @param fileSizeBytes the file size rlimit
 * @param openFiles the open files rlimit
 * @param uid the host uid the sandbox manager runs as; empty when the engine does not drop
 *     privileges
 * @param fd3 opened for reading as descriptor 3
 * @param fd4 opened for reading as descriptor 4
 * @param fd5 opened for writing (created, truncated) as descriptor 5
 * @param command the program, by absolute path, and its arguments
 */
public record LaunchRecord(
    long cpuSeconds,
    long fileSizeBytes,
    long openFiles,
    OptionalLong uid,
    Path fd3,
    Path fd4,
    Path fd5,
    List<String> command) {
  /** A CPU rlimit no run reaches: the launcher's ceiling, about 136 years. */
  public static final long NO_CPU_LIMIT = 1L << 31;

  public LaunchRecord {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(fd3, "fd3");
    Objects.requireNonNull(fd4, "fd4");
    Objects.requireNonNull(fd5, "fd5");
    command = List.copyOf(command);
    if (cpuSeconds < 1 || cpuSeconds > NO_CPU_LIMIT || fileSizeBytes < 1 || openFiles < 1) {
      throw new IllegalArgumentException("bad rlimits for a launch record");
    }
    if (command.isEmpty() || !command.getFirst().startsWith("/")) {
      throw new IllegalArgumentException("a launch record runs a program by absolute path");
    }
  }

  /** The record as the launcher reads it. */
  public byte[] bytes() {
    List<String> fields = new ArrayList<>();
    fields.add(Long.toString(cpuSeconds));
    fields.add(Long.toString(cpuSeconds + 1));
    fields.add(Long.toString(fileSizeBytes));
    fields.add(Long.toString(openFiles));
    fields.add(uid.isPresent() ? Long.toString(uid.getAsLong()) : "-");
    fields.add(fd3.toString());
    fields.add(fd4.toString());
    fields.add(fd5.toString());
    fields.addAll(command);
    StringBuilder body = new StringBuilder();
    for (String field : fields) {
      if (field.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a sandbox argument contains a NUL: " + field);
      }
      body.append(field).append('\0');
    }
    byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
    byte[] header = (payload.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] record = Arrays.copyOf(header, header.length + payload.length);
    System.arraycopy(payload, 0, record, header.length, payload.length);
    return record;
  }
}
