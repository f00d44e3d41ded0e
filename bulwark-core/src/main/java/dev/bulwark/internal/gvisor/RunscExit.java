package dev.bulwark.internal.gvisor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a sandbox's payload ended, as {@code runsc run} itself reports it in its debug log ({@code
 * --debug --debug-log=FILE --debug-command=run}): the line {@code Exiting with status: N}, N the
 * payload's raw wait status, written once the container's init has exited. Its exit code alone
 * cannot tell: {@code runsc} exits 128 when it fails, as a payload may.
 *
 * <p>The log is a file the engine creates in the run's directory (root's, mode 0622): {@code runsc}
 * (the sandbox uid) may append to it but not replace it with a link or a FIFO, and nothing inside
 * the sandbox can reach it at all.
 */
final class RunscExit {
  private static final Logger LOG = LoggerFactory.getLogger(RunscExit.class);
  private static final Pattern STATUS = Pattern.compile("Exiting with status: (\\d+)");

  /** Where the status is: a run's log is about 10 KiB, its status the last line but one. */
  private static final int TAIL_BYTES = 64 * 1024;

  private RunscExit() {}

  /**
   * The payload's exit code (128+N for signal N), when {@code runsc run} reported it in {@code
   * log}; empty when it failed or was killed before it could.
   */
  static OptionalInt read(Path log) {
    String tail;
    try (InputStream in =
        Files.newInputStream(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = Files.size(log);
      in.skipNBytes(Math.max(0, size - TAIL_BYTES));
      tail = new String(in.readNBytes(TAIL_BYTES), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      LOG.debug("no exit status of runsc in {}: {}", log, e.toString());
      return OptionalInt.empty();
    }
    Matcher m = STATUS.matcher(tail);
    Long status = null;
    while (m.find()) {
      status = Long.parseLong(m.group(1));
    }
    return status == null ? OptionalInt.empty() : OptionalInt.of(exitCode(status));
  }

  /** A wait status as a shell reports it: the exit code, or 128+N for signal N. */
  static int exitCode(long waitStatus) {
    int signal = (int) (waitStatus & 0x7f);
    return signal == 0 ? (int) ((waitStatus >> 8) & 0xff) : 128 + signal;
  }
}
