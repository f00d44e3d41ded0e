package dev.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading what a user hands over (a program, a program's input) within a cap. */
final class Input {
  private Input() {}

  /**
   * Opens a file the user named.
   *
   * @throws IllegalArgumentException when it does not exist or is a directory
   */
  static InputStream open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + " is a directory");
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(path + ": no such file", e);
    }
  }

  /** At most {@code max} bytes of {@code in}: a longer input is cut there, and the rest unread. */
  static byte[] readAtMost(InputStream in, long max) throws IOException {
    return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
  }
}
