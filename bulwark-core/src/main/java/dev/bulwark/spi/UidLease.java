package dev.bulwark.spi;

import java.util.OptionalLong;

/** A host uid for one sandbox, held until closed ({@link EngineHost#leaseUid()}). */
public interface UidLease extends AutoCloseable {
  /**
   * The host uid the sandbox runs as; empty when the engine does not run as root and its sandboxes
   * keep the engine's own uid.
   */
  OptionalLong uid();

  /** Releases the uid; idempotent. */
  @Override
  void close();
}
