package dev.bulwark.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the server keeps its state (the database; later the audit log and configuration): the
 * {@code --data} directory, else {@code $BULWARK_HOME}, else {@code /var/lib/bulwark} for root and
 * {@code $XDG_DATA_HOME/bulwark} (or {@code ~/.local/share/bulwark}) for other users.
 */
public final class DataDir {
  private DataDir() {}

  /** The directory to use: {@code given} when not null, else the defaults above. */
  public static Path resolve(Path given, Map<String, String> env, boolean root) {
    if (given != null) {
      return given;
    }
    String home = env.get("BULWARK_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    if (root) {
      return Path.of("/var/lib/bulwark");
    }
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "bulwark");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "bulwark");
  }

  /**
   * Creates the directory, readable by its owner only (it holds key hashes and audit records).
   *
   * @throws IllegalArgumentException when it exists but is not a directory
   */
  public static Path prepare(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException(dir + " is not a directory");
      }
      if (!Files.exists(dir)) {
        Files.createDirectories(dir.toAbsolutePath().getParent());
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }
}
