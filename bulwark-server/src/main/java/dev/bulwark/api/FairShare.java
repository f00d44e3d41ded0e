package dev.bulwark.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The machine's execution slots, shared between tenants. A free slot goes at once to whoever asks;
 * when none is free, each tenant waits in its own line, and the next slot that frees goes to the
 * tenant furthest below its weighted share: the fewest executions running per unit of weight (a
 * tenant's weight is its concurrency cap), ties to the request that has waited longest. So a tenant
 * may borrow every slot nobody else wants, and a tenant that comes back waits for one execution to
 * end, never behind another tenant's line.
 *
 * <p>Invariants, under {@link #lock}: {@code free + sum of running == slots}; a slot is free only
 * while nobody waits; a waiter is in its tenant's line until it is granted a slot or gives up, and
 * {@code waiting} counts the waiters of every line. After {@link #close()} nobody gets a slot.
 */
final class FairShare {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private final Map<String, Share> shares = new HashMap<>();
  private final int slots;
  private final int maxWaiting;
  private int free;
  private int waiting;
  private boolean closed;

  /**
   * @param slots executions at once, all tenants together
   * @param maxWaiting requests waiting at most, all lines together
   */
  FairShare(int slots, int maxWaiting) {
    this.slots = slots;
    this.maxWaiting = maxWaiting;
    this.free = slots;
  }

  /** Why no slot came. */
  enum Refusal {
    /** Every line together holds {@code maxWaiting} requests already. */
    FULL,
    /** The deadline passed in line. */
    TIMED_OUT,
    /** The server is stopping ({@link #close()}). */
    CLOSED
  }

  /** No slot came, for {@link #reason()}. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final Refusal reason;

    Refused(Refusal reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }

    Refusal reason() {
      return reason;
    }
  }

  /** A slot held by one request of one tenant; {@link #release(Slot)} it once. */
  record Slot(String tenant, long waitedNanos) {}

  /**
   * Takes a slot for {@code tenant}, waiting in its line up to {@code timeout} when none is free.
   *
   * @param weight the tenant's weight, at least 1: its concurrency cap
   * @throws Refused when the lines are full, the deadline passed, or the server stops
   */
  Slot acquire(String tenant, int weight, Duration timeout) throws Refused {
    long start = System.nanoTime();
    lock.lock();
    try {
      if (closed) {
        throw new Refused(Refusal.CLOSED);
      }
      Share share = shares.computeIfAbsent(tenant, t -> new Share());
      share.weight = Math.max(1, weight);
      if (free > 0) {
        grant(share);
        return new Slot(tenant, 0);
      }
      if (waiting >= maxWaiting) {
        throw new Refused(Refusal.FULL);
      }
      Waiter w = new Waiter(lock.newCondition(), start);
      share.line.add(w);
      waiting++;
      long left = timeout.toNanos();
      while (!w.granted && !closed && left > 0) {
        left = w.turn.awaitNanos(left);
      }
      if (w.granted) {
        return new Slot(tenant, System.nanoTime() - start);
      }
      share.line.remove(w);
      waiting--;
      forget(tenant, share);
      throw new Refused(closed ? Refusal.CLOSED : Refusal.TIMED_OUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused(Refusal.CLOSED);
    } finally {
      lock.unlock();
    }
  }

  /** Gives the slot back: to the waiting tenant furthest below its share, else to the free pool. */
  void release(Slot slot) {
    lock.lock();
    try {
      Share share = shares.get(slot.tenant());
      share.running--;
      free++;
      forget(slot.tenant(), share);
      handOut();
      if (free == slots) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Refuses every waiting request and every later one: the server is stopping. */
  void close() {
    lock.lock();
    try {
      closed = true;
      for (Share share : shares.values()) {
        share.line.forEach(w -> w.turn.signal());
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until no slot is held, up to {@code timeout}.
   *
   * @return whether none is held
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long left = timeout.toNanos();
      while (free < slots && left > 0) {
        left = idle.awaitNanos(left);
      }
      return free == slots;
    } finally {
      lock.unlock();
    }
  }

  /** Executions holding a slot now. */
  int running() {
    lock.lock();
    try {
      return slots - free;
    } finally {
      lock.unlock();
    }
  }

  /** Requests waiting in line now, all tenants together. */
  int waiting() {
    lock.lock();
    try {
      return waiting;
    } finally {
      lock.unlock();
    }
  }

  private void handOut() {
    while (free > 0 && waiting > 0 && !closed) {
      Share next = null;
      for (Share s : shares.values()) {
        if (!s.line.isEmpty() && (next == null || s.before(next))) {
          next = s;
        }
      }
      Waiter w = next.line.poll();
      waiting--;
      grant(next);
      w.granted = true;
      w.turn.signal();
    }
  }

  private void grant(Share share) {
    free--;
    share.running++;
  }

  /** Drops a tenant's entry once it holds and awaits nothing: the map grows with activity only. */
  private void forget(String tenant, Share share) {
    if (share.running == 0 && share.line.isEmpty()) {
      shares.remove(tenant);
    }
  }

  /** One tenant's running count, weight and line. */
  private static final class Share {
    final ArrayDeque<Waiter> line = new ArrayDeque<>();
    int running;
    int weight = 1;

    /** Whether this tenant's head of line goes before {@code other}'s. */
    boolean before(Share other) {
      long mine = (long) running * other.weight;
      long theirs = (long) other.running * weight;
      if (mine != theirs) {
        return mine < theirs; // running / weight, compared without division
      }
      return line.peek().since - other.line.peek().since < 0; // nanoTime: compare by difference
    }
  }

  /** A request in line; {@code granted} is set under the lock by whoever hands it a slot. */
  private static final class Waiter {
    final Condition turn;
    final long since;
    boolean granted;

    Waiter(Condition turn, long since) {
      this.turn = turn;
      this.since = since;
    }
  }
}
