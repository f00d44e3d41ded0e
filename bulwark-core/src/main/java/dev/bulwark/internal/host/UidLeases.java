package dev.bulwark.internal.host;

import dev.bulwark.spi.UidLease;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host uids an engine's sandboxes run as, when the engine runs as root: a range of {@code
 * count} uids from {@code base}, leased round-robin.
 *
 * <p>Invariants: a uid is held by at most one live sandbox of any engine on this host, because a
 * lease holds the uid's lock in the {@link HostRegistry} for its whole life; a lease closed twice
 * releases once. Without root there is nothing to lease: every sandbox keeps the engine's uid and
 * its lease holds nothing. Thread-safe.
 */
public final class UidLeases {
  private final HostRegistry registry;
  private final long base;
  private final int count;
  private final boolean dropsPrivileges;
  private final AtomicLong next = new AtomicLong();

  /**
   * @param dropsPrivileges whether sandboxes run as uids of the range (the engine is root)
   */
  public UidLeases(HostRegistry registry, long base, int count, boolean dropsPrivileges) {
    this.registry = registry;
    this.base = base;
    this.count = count;
    this.dropsPrivileges = dropsPrivileges;
  }

  /**
   * A uid no other live sandbox of any engine on this host uses.
   *
   * @throws IllegalStateException when all are in use
   */
  public UidLease lease() {
    if (!dropsPrivileges) {
      return new Lease(OptionalLong.empty(), () -> {});
    }
    for (int i = 0; i < count; i++) {
      long uid = base + Math.floorMod(next.getAndIncrement(), count);
      Optional<AutoCloseable> lock = registry.tryLockUid(uid);
      if (lock.isPresent()) {
        return new Lease(OptionalLong.of(uid), lock.get());
      }
    }
    throw new IllegalStateException("all " + count + " sandbox uids are in use");
  }

  /** A uid held until closed. */
  private static final class Lease implements UidLease {
    private final OptionalLong uid;
    private AutoCloseable lock;

    Lease(OptionalLong uid, AutoCloseable lock) {
      this.uid = uid;
      this.lock = lock;
    }

    @Override
    public OptionalLong uid() {
      return uid;
    }

    @Override
    public synchronized void close() {
      if (lock == null) {
        return;
      }
      try {
        lock.close();
        lock = null;
      } catch (Exception e) {
        throw new IllegalStateException("cannot release uid " + uid, e);
      }
    }
  }
}
