package dev.bulwark.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server per data directory: its audit recovery (marking what a dead server left running as
 * interrupted) assumes no other server is running there. The lock is the kernel's, so it goes with
 * the process however it ends.
 */
final class DataDirLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataDirLock.class);

  private final FileChannel channel;

  private DataDirLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Takes the lock of {@code dir}.
   *
   * @throws IllegalStateException when another server holds it
   */
  static DataDirLock take(Path dir) {
    try {
      FileChannel channel =
          FileChannel.open(
              dir.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (locked(channel)) {
        return new DataDirLock(channel);
      }
      channel.close();
      throw new IllegalStateException("another bulwark server uses the data directory " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean locked(FileChannel channel) throws IOException {
    try {
      return channel.tryLock() != null; // null: another process holds it
    } catch (OverlappingFileLockException e) { // this process holds it
      return false;
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("cannot release the data directory's lock", e);
    }
  }
}
