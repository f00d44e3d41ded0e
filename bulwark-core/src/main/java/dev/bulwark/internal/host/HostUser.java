package dev.bulwark.internal.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the engine runs as on the host, read once from {@code /proc/self/status}. */
public final class HostUser {
  private static final long UID = readUid();

  private HostUser() {}

  public static long uid() {
    return UID;
  }

  public static boolean isRoot() {
    return UID == 0;
  }

  /**
   * Where this host user's engines meet and keep their state by default: {@code /run/bulwark} as
   * root (gone at reboot), else under {@code XDG_RUNTIME_DIR} or {@code /tmp}.
   */
  public static Path runtimeDir() {
    if (isRoot()) {
      return Path.of("/run/bulwark");
    }
    String xdg = System.getenv("XDG_RUNTIME_DIR");
    Path base = xdg != null && Files.isDirectory(Path.of(xdg)) ? Path.of(xdg) : Path.of("/tmp");
    return base.resolve("bulwark-" + uid());
  }

  private static long readUid() {
    Exception failure = null;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Long.parseLong(line.substring(4).trim().split("\\s+")[1]); // the effective uid
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e; // not Linux, or /proc is not mounted
    }
    throw new IllegalStateException(
        "cannot read the uid from /proc/self/status: Bulwark needs Linux", failure);
  }
}
