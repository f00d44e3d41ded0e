package dev.bulwark.internal.egress;

import dev.bulwark.EgressConfig;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one run may do through the proxy: open {@link EgressConfig#maxConnections()} connections and
 * move {@link EgressConfig#maxBytes()} bytes, both directions of all its connections together.
 *
 * <p>One per run. Thread-safe without locks: every connection of the run counts here from its own
 * threads (both directions of its relay). The counters only grow, so once the run is over a cap
 * every later count is over it too.
 */
final class Caps {
  private final long maxBytes;
  private final int maxConnections;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  Caps(EgressConfig config) {
    this.maxBytes = config.maxBytes();
    this.maxConnections = config.maxConnections();
  }

  /** Counts one more connection: why it is refused when it is over the cap, else null. */
  String openConnection() {
    if (connections.incrementAndGet() > maxConnections) {
      return "the run's cap of " + maxConnections + " connections was reached";
    }
    return null;
  }

  /**
   * Counts {@code n} more bytes: why the connection is cut when the run is over its cap, else null.
   */
  String move(long n) {
    if (bytes.addAndGet(n) > maxBytes) {
      return "cut: the run's network cap of " + maxBytes + " bytes was reached";
    }
    return null;
  }
}
