package dev.bulwark.internal.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs of one engine in flight. Invariants: a run enters before it leases a sandbox and leaves
 * after it released it; none enters once {@link #close} began; {@link #close} cancels every run in
 * flight and returns once all have left. Thread-safe.
 */
final class LiveRuns implements AutoCloseable {
  private final Set<Run> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Enters a run; false when the engine is closed and it must not start. */
  boolean enter(Run run) {
    live.add(run);
    if (closed) {
      leave(run);
      return false;
    }
    return true;
  }

  void leave(Run run) {
    synchronized (live) {
      live.remove(run);
      live.notifyAll();
    }
  }

  boolean closed() {
    return closed;
  }

  /** Cancels the runs in flight and waits until they have left. */
  @Override
  public void close() {
    closed = true;
    live.forEach(Run::cancel);
    synchronized (live) {
      while (!live.isEmpty()) {
        try {
          live.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
  }
}
