package dev.bulwark.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The engine's directory on the host:
 *
 * <pre>
 * stateDir/            0711: sandboxes (other uids) traverse it to reach their /etc
 *   engines/ID.lock    held (fcntl lock) for as long as engine ID lives
 *   engines/ID/        0711: that engine's filters, the sandbox /etc, one 0700 dir per run
 *   uids/UID.lock      held while a sandbox runs as that host uid
 * </pre>
 *
 * A lock that can be taken belongs to a dead engine or run, so what it guards is stale: this is how
 * a start cleans what a crash left, without touching a live engine's sandboxes.
 */
final class StateDir {
  /** Engine ids are the pid and a random number, in hex. */
  static final java.util.regex.Pattern ENGINE_ID =
      java.util.regex.Pattern.compile("[0-9a-f]{1,16}-[0-9a-f]{8}");

  /**
   * Locks this JVM holds, by path. POSIX record locks belong to the process and closing any
   * descriptor of a file drops them all, so a file this JVM holds is never opened a second time.
   */
  private static final java.util.Set<Path> HELD =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path root;
  private final String engineId;
  private final FileChannel engineLockChannel;

  private StateDir(Path root, String engineId, FileChannel lock) {
    this.root = root;
    this.engineId = engineId;
    this.engineLockChannel = lock;
  }

  /** Creates the layout if needed and registers a new live engine in it. */
  static StateDir open(Path root) {
    try {
      for (Path dir : new Path[] {root, root.resolve("engines"), root.resolve("uids")}) {
        Files.createDirectories(dir);
        refuseSymlink(dir);
      }
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
      Files.setPosixFilePermissions(
          root.resolve("engines"), PosixFilePermissions.fromString("rwx--x--x"));
      String id =
          Long.toHexString(ProcessHandle.current().pid())
              + "-"
              + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
      Path lockFile = root.resolve("engines").resolve(id + ".lock");
      HELD.add(lockFile);
      FileChannel lock =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock.lock();
      Path dir = root.resolve("engines").resolve(id);
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      return new StateDir(root, id, lock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare the state directory " + root + ": " + e.getMessage(), e);
    }
  }

  String engineId() {
    return engineId;
  }

  Path engineDir() {
    return root.resolve("engines").resolve(engineId);
  }

  /**
   * Tries to hold {@code uids/UID.lock}; empty when a live sandbox of any engine holds it. Closing
   * the returned lease releases the uid.
   */
  Optional<AutoCloseable> tryLockUid(long uid) {
    Path file = root.resolve("uids").resolve(uid + ".lock");
    if (!HELD.add(file)) {
      return Optional.empty();
    }
    try {
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        HELD.remove(file);
        return Optional.empty();
      }
      return Optional.of(() -> {
        channel.close();
        HELD.remove(file);
      });
    } catch (IOException e) {
      HELD.remove(file);
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True when {@code id} names an engine (of this layout) that is gone: its lock is free or absent.
   */
  boolean isDeadEngine(String id) {
    if (!ENGINE_ID.matcher(id).matches() || id.equals(engineId)) {
      return false;
    }
    Path lockFile = root.resolve("engines").resolve(id + ".lock");
    if (HELD.contains(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException | OverlappingFileLockException e) {
      return false;
    }
  }

  /** Removes the directories and locks of engines that are gone; returns how many. */
  int removeDeadEngines() {
    java.util.Set<String> dead = new java.util.TreeSet<>();
    try (var entries = Files.list(root.resolve("engines"))) {
      for (Path entry : entries.toList()) {
        String id = entry.getFileName().toString().replaceFirst("\\.lock$", "");
        if (isDeadEngine(id)) {
          dead.add(id);
        }
      }
      for (String id : dead) {
        deleteTree(root.resolve("engines").resolve(id));
        Files.deleteIfExists(root.resolve("engines").resolve(id + ".lock"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dead.size();
  }

  /** Releases this engine's lock and removes its directory. */
  void close() {
    deleteTree(engineDir());
    try {
      Path lockFile = root.resolve("engines").resolve(engineId + ".lock");
      Files.deleteIfExists(lockFile);
      engineLockChannel.close();
      HELD.remove(lockFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a tree without following any symlink in it. */
  static void deleteTree(Path dir) {
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

  private static void refuseSymlink(Path dir) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      throw new IOException(dir + " is a symlink: refusing to use it");
    }
  }
}
