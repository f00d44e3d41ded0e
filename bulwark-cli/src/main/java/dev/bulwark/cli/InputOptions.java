package dev.bulwark.cli;

import dev.bulwark.model.Units;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What a program reads on its standard input: {@code --stdin FILE}, {@code --stdin -} (this
 * command's own standard input), or, without the flag, what is piped in when the program comes from
 * a file and standard input is not a terminal ({@code echo 5 | bulwark run prog.py}). All of it is
 * read before the program starts, up to {@link #MAX_BYTES}.
 */
final class InputOptions {
  /** The most a program is handed on its standard input. */
  static final long MAX_BYTES = 8L << 20;

  @Option(
      names = "--stdin",
      paramLabel = "FILE|-",
      description =
          "Feed this file to the program's stdin; - feeds this command's own stdin. Without it,"
              + " piped input is fed when the program comes from a file. At most 8m.")
  String stdin;

  /**
   * The program's input.
   *
   * @throws IllegalArgumentException when it is over the cap, the file is missing, or the program
   *     and its input would both be read from stdin
   */
  byte[] bytes(Stdio stdio, ProgramOptions program) throws IOException {
    if (stdin == null) {
      return program.fromStdin() || stdio.inIsTerminal()
          ? new byte[0]
          : capped(stdio.in(), "the piped input");
    }
    if (!stdin.equals("-")) {
      try (InputStream in = Input.open(Path.of(stdin))) {
        return capped(in, stdin);
      }
    }
    if (program.fromStdin()) {
      throw new IllegalArgumentException(
          "--stdin - and a program read from stdin cannot share it: give the program as a file");
    }
    return capped(stdio.in(), "the standard input");
  }

  private static byte[] capped(InputStream in, String what) throws IOException {
    byte[] bytes = Input.readAtMost(in, MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          what
              + " is over "
              + Units.formatSize(MAX_BYTES)
              + ", the most a program's stdin may hold");
    }
    return bytes;
  }
}
