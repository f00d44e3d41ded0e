package dev.bulwark.internal.egress;

import dev.bulwark.model.NetworkAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run's record of what its program asked the proxy for, in the order the program opened the
 * connections, not the order they ended (a kept-alive connection ends after later ones). At most
 * {@link EgressProxy#MAX_RECORDS} are kept: a program looping on refused connections is not kept
 * whole, and one more entry says how many were left out.
 *
 * <p>One per run. Thread-safe: each connection records once, from its own thread, when it ends;
 * {@link #list()} may be called from any thread at any time and returns a snapshot.
 */
final class Attempts {
  /** Ended attempts by their connection's accept order; guarded by itself. */
  private final SortedMap<Long, NetworkAttempt> byOrder = new TreeMap<>();

  private final AtomicLong notKept = new AtomicLong();

  /**
   * @param order the connection's place in the order the proxy accepted the run's connections
   */
  void record(long order, Attempt attempt) {
    NetworkAttempt ended = attempt.toRecord();
    synchronized (byOrder) {
      if (byOrder.size() < EgressProxy.MAX_RECORDS) {
        byOrder.put(order, ended);
        return;
      }
    }
    notKept.incrementAndGet();
  }

  List<NetworkAttempt> list() {
    List<NetworkAttempt> out;
    synchronized (byOrder) {
      out = new ArrayList<>(byOrder.values());
    }
    long more = notKept.get();
    if (more > 0) {
      out.add(Attempt.notKept(more));
    }
    return List.copyOf(out);
  }
}
