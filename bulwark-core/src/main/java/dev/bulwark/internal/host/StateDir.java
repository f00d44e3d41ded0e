package dev.bulwark.internal.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's directory on the host, in its configured state directory:
 *
 * <pre>
 * stateDir/            0711: sandboxes (other uids) traverse it to reach their /etc
 *   engines/ID/        0711: engine ID's filters, the sandbox /etc, one 0700 dir per run
 * </pre>
 *
 * Which engines are alive is the {@link HostRegistry}'s to say, host-wide: a start removes the
 * directories of dead engines only, so engines with different state directories never touch each
 * other's runs.
 */
public final class StateDir {
  private final Path root;
  private final String engineId;

  private StateDir(Path root, String engineId) {
    this.root = root;
    this.engineId = engineId;
  }

  /**
   * Creates the layout if needed and the directory of a registered engine.
   *
   * @param otherUids whether sandboxes run as other host uids, which must traverse every directory
   *     above the state directory to reach what is bound into them
   */
  public static StateDir open(Path root, String engineId, boolean otherUids) {
    try {
      for (Path dir : new Path[] {root, root.resolve("engines")}) {
        Files.createDirectories(dir);
        refuseSymlink(dir);
      }
      if (otherUids) {
        refuseUntraversableParents(root);
      }
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
      Files.setPosixFilePermissions(
          root.resolve("engines"), PosixFilePermissions.fromString("rwx--x--x"));
      Path dir = root.resolve("engines").resolve(engineId);
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      return new StateDir(root, engineId);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare the state directory " + root + ": " + e.getMessage(), e);
    }
  }

  public Path engineDir() {
    return root.resolve("engines").resolve(engineId);
  }

  /**
   * Removes the directories of engines the registry knows to be dead, and the lock files an older
   * layout kept here once nothing holds them; returns how many engines were swept.
   */
  public int removeDeadEngines(HostRegistry registry) {
    Set<String> dead = new TreeSet<>();
    try (var entries = Files.list(root.resolve("engines"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && registry.isDeadEngine(name)) {
          dead.add(name);
        }
      }
      for (String id : dead) {
        deleteTree(root.resolve("engines").resolve(id));
        Path legacyLock = root.resolve("engines").resolve(id + ".lock");
        if (HostRegistry.isFree(legacyLock, false)) {
          Files.deleteIfExists(legacyLock);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dead.size();
  }

  /** Removes this engine's directory. */
  public void close() {
    deleteTree(engineDir());
  }

  /** Deletes a tree without following any symlink in it. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // removed concurrently: fine
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * bwrap runs as a sandbox uid and binds files from the state directory: a parent it cannot cross
   * (a 0700 home or temporary directory) would fail every sandbox with a bare "Permission denied".
   */
  private static void refuseUntraversableParents(Path root) throws IOException {
    for (Path dir = root.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IOException(
            "sandbox uids cannot reach it through "
                + dir
                + " (mode "
                + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))
                + "): give that directory o+x, or choose a state directory under one they can"
                + " cross, such as /run/bulwark");
      }
    }
  }

  static void refuseSymlink(Path dir) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      throw new IOException(dir + " is a symlink: refusing to use it");
    }
  }
}
