package dev.bulwark.internal.gvisor;

import dev.bulwark.internal.layout.HostDirs;
import dev.bulwark.spi.SandboxSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/**
 * The read-only root every gVisor sandbox of an engine shares: empty directories where the OCI
 * specification mounts something, the host's merged-{@code /usr} links ({@code /bin -> usr/bin}),
 * which an OCI mount cannot make, and the statx wrapper every program preloads ({@link #STATX},
 * {@code src/main/c/bulwark-statx.c}). Nothing of the host is in it; made once per engine.
 */
final class Rootfs {
  /** The statx wrapper, inside: {@code LD_PRELOAD} names it. */
  static final String STATX = "/opt/bulwark/bulwark-statx.so";

  /** The wrapper's resource, next to this class, built by bulwark-core's build. */
  static final String STATX_RESOURCE = "bulwark-statx.so";

  private Rootfs() {}

  /** Whether the build put the statx wrapper on the class path. */
  static boolean built() {
    return Rootfs.class.getResource(STATX_RESOURCE) != null;
  }

  /** Builds {@code dir}, which must not exist. */
  static Path build(Path dir) {
    try {
      Files.createDirectory(dir);
      for (String mountPoint :
          List.of("usr", "etc", "proc", "sys", "dev", "tmp", "work", SandboxSpec.CODE_DIR)) {
        Files.createDirectories(
            dir.resolve(mountPoint.substring(mountPoint.startsWith("/") ? 1 : 0)));
      }
      for (HostDirs.TopDir top : HostDirs.TOP) {
        Path at = dir.resolve(top.path().substring(1));
        if (top.isLink()) {
          Files.createSymbolicLink(at, Path.of(top.linkTarget()));
        } else {
          Files.createDirectory(at);
        }
      }
      Path statx = dir.resolve(STATX.substring(1));
      Files.createDirectories(statx.getParent());
      try (InputStream in = Rootfs.class.getResourceAsStream(STATX_RESOURCE)) {
        Files.copy(Objects.requireNonNull(in, "the statx wrapper was not built"), statx);
      }
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.toList()) {
          if (!Files.isSymbolicLink(p)) {
            Files.setPosixFilePermissions(
                p,
                PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "r--r--r--"));
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot make the gVisor sandboxes' root in " + dir + ": " + e.getMessage(), e);
    }
  }
}
