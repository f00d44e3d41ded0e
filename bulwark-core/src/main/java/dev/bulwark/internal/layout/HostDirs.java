package dev.bulwark.internal.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's top-level program directories ({@code /bin}, {@code /lib}...) as a sandbox repeats
 * them next to its read-only {@code /usr}: the same symbolic link where the host has merged {@code
 * /usr}, a read-only bind where it has a directory. Read once per JVM.
 */
public final class HostDirs {
  /**
   * One top-level directory.
   *
   * @param path the directory, e.g. {@code /lib64}
   * @param linkTarget where the host's link points ({@code usr/lib64}); null for a directory
   */
  public record TopDir(String path, String linkTarget) {
    public boolean isLink() {
      return linkTarget != null;
    }
  }

  /** The ones this host has, in a stable order. */
  public static final List<TopDir> TOP = read();

  private HostDirs() {}

  private static List<TopDir> read() {
    List<TopDir> dirs = new ArrayList<>();
    for (String top : List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")) {
      Path p = Path.of(top);
      try {
        if (Files.isSymbolicLink(p)) {
          dirs.add(new TopDir(top, Files.readSymbolicLink(p).toString()));
        } else if (Files.isDirectory(p)) {
          dirs.add(new TopDir(top, null));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(dirs);
  }
}
