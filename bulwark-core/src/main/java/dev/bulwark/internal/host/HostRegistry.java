package dev.bulwark.internal.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Who is alive on this host: one registry for every engine of one host user, whatever its state
 * directory, because what engines share is host-wide (cgroup names, sandbox uids).
 *
 * <pre>
 * HostUser.runtimeDir()  /run/bulwark as root
 *   engines/ID.lock      held (an fcntl lock) for as long as engine ID lives
 *   uids/UID.lock        held while a sandbox of any engine runs as host uid UID
 * </pre>
 *
 * Invariants: an engine registers (its lock held) before it creates anything named after its id,
 * and a lock file is only ever seen already locked (it is locked under a temporary name, then
 * renamed), so a lock that can be taken belongs to a dead engine and whatever carries its id is
 * stale. A start therefore removes only what dead engines left, never a live engine's sandboxes,
 * even when the two engines keep their state in different directories.
 */
public final class HostRegistry implements AutoCloseable {
  /** Engine ids are the pid and a random number, in hex. */
  static final Pattern ENGINE_ID = Pattern.compile("[0-9a-f]{1,16}-[0-9a-f]{8}");

  /**
   * Locks this JVM holds, by path. POSIX record locks belong to the process and closing any
   * descriptor of a file drops them all, so a file this JVM holds is never opened a second time.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path root;
  private final String engineId;
  private final FileChannel engineLock;

  private HostRegistry(Path root, String engineId, FileChannel engineLock) {
    this.root = root;
    this.engineId = engineId;
    this.engineLock = engineLock;
  }

  /** Registers a new live engine; its lock is held until {@link #close}. */
  public static HostRegistry register(Path root) {
    try {
      for (Path dir : new Path[] {root, root.resolve("engines"), root.resolve("uids")}) {
        Files.createDirectories(dir);
        StateDir.refuseSymlink(dir);
      }
      // Sandboxes (other uids) traverse the registry when it is also a state directory.
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
      String id =
          Long.toHexString(ProcessHandle.current().pid())
              + "-"
              + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
      Path lockFile = lockFile(root, id);
      Path pending = root.resolve("engines").resolve(id + ".pending");
      HELD.add(lockFile);
      HELD.add(pending);
      try {
        FileChannel lock =
            FileChannel.open(pending, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        lock.lock();
        Files.move(pending, lockFile, StandardCopyOption.ATOMIC_MOVE);
        return new HostRegistry(root, id, lock);
      } finally {
        HELD.remove(pending);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot register the engine in " + root + ": " + e.getMessage(), e);
    }
  }

  public String engineId() {
    return engineId;
  }

  /**
   * True when {@code id} names an engine that is gone: its lock is free or absent. Never true for a
   * live engine, of this JVM or another, nor for a name that is not an engine id.
   */
  public boolean isDeadEngine(String id) {
    return ENGINE_ID.matcher(id).matches()
        && !id.equals(engineId)
        && isFree(lockFile(root, id), true);
  }

  /** True when no process holds a lock on {@code file}; {@code absent} when it does not exist. */
  static boolean isFree(Path file, boolean absent) {
    if (HELD.contains(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (NoSuchFileException e) {
      return absent;
    } catch (IOException | OverlappingFileLockException e) {
      return false;
    }
  }

  /** Removes the lock files of dead engines, and those of engines killed while they registered. */
  public void forgetDeadEngines() {
    try (var entries = Files.list(root.resolve("engines"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        boolean stale =
            name.endsWith(".lock")
                ? isDeadEngine(name.substring(0, name.length() - ".lock".length()))
                : name.endsWith(".pending") && isFree(entry, false);
        if (stale) {
          Files.deleteIfExists(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sweep " + root.resolve("engines"), e);
    }
  }

  /**
   * Tries to hold {@code uids/UID.lock}; empty when a live sandbox of any engine on this host holds
   * it. Closing the returned lease releases the uid.
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
      throw new UncheckedIOException("cannot lease sandbox uid " + uid + ": " + e.getMessage(), e);
    }
  }

  /** Unregisters the engine: its lock file goes, then its lock. */
  @Override
  public void close() {
    Path lockFile = lockFile(root, engineId);
    try {
      Files.deleteIfExists(lockFile);
      engineLock.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unregister engine " + engineId, e);
    } finally {
      HELD.remove(lockFile);
    }
  }

  private static Path lockFile(Path root, String id) {
    return root.resolve("engines").resolve(id + ".lock");
  }
}
