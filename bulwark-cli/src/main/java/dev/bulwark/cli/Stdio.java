package dev.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standard streams of one invocation, as bytes: a program's output passes through unchanged,
 * split characters and all. Tests give their own; {@link #system()} is the process's.
 *
 * @param in standard input
 * @param inIsTerminal whether standard input is a terminal (then nothing is read from it unless a
 *     flag asks)
 * @param out standard output
 * @param err standard error
 */
record Stdio(InputStream in, boolean inIsTerminal, OutputStream out, OutputStream err) {
  /** The process's own streams. */
  static Stdio system() {
    return new Stdio(System.in, stdinIsTerminal(), System.out, System.err);
  }

  /** A writer for the command's own messages on {@code stream}, flushed by whoever writes. */
  static PrintWriter writer(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }

  /**
   * Whether file descriptor 0 is a terminal. {@code System.console()} cannot tell: it asks about
   * stdout as well, and {@code bulwark run prog.py > out.txt} must not wait for a keyboard.
   */
  private static boolean stdinIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return true; // unknown: read nothing the user did not ask for
    }
  }
}
