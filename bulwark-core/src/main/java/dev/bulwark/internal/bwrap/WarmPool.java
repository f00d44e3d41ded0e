package dev.bulwark.internal.bwrap;

import dev.bulwark.Profiles;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.RuntimeDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sandboxes of one runtime under one limits profile, started ahead: bubblewrap is up, the
 * interpreter and its runner are loaded, and the runner waits for its program. Each serves one
 * execution and is destroyed; the pool starts others in the background. Empty, it answers {@code
 * null} and the run starts cold: exhaustion costs latency, never a failure. A sandbox that waited
 * longer than the engine's {@code warmMaxIdle} is replaced, so that no interpreter from before a
 * host update lingers.
 */
final class WarmPool implements AutoCloseable {
  /** A runner that is not ready by then is broken, not slow; it is destroyed. */
  private static final long READY_TIMEOUT_MS = 10_000;

  /** Stand-ins for the limits the host enforces from outside and a sandbox need not know. */
  private static final Duration ANY_WALL = Duration.ofSeconds(1);

  private static final long ANY_OUTPUT = 1024;

  private final SandboxHost host;
  private final RuntimeDescriptor runtime;
  private final String profile;
  private final Limits limits;
  private final int size;
  private final BlockingQueue<Sandbox> idle;
  private final AtomicBoolean refilling = new AtomicBoolean();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong refills = new AtomicLong();
  private final AtomicLong refillNanos = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong expired = new AtomicLong();
  private final long maxIdleNanos;
  private volatile boolean filledOnce;
  private volatile boolean closed;

  WarmPool(SandboxHost host, RuntimeDescriptor runtime, String profile, int size) {
    if (!runtime.hasRunner()) {
      throw new IllegalArgumentException(
          runtime.name()
              + " cannot wait warm: it has no runner to wait for its program; remove its pool");
    }
    this.host = host;
    this.runtime = runtime;
    this.profile = profile;
    this.limits = Profiles.named(profile);
    this.size = size;
    this.maxIdleNanos = host.config().warmMaxIdle().toNanos();
    this.idle = new ArrayBlockingQueue<>(Math.max(1, size));
    this.filledOnce = size == 0;
  }

  /**
   * True when a sandbox of this pool can run a program under {@code wanted}: the limits a sandbox
   * carries inside (cgroup, rlimits, tmpfs sizes) are the same; the wall clock and the output cap
   * are the host's to enforce.
   */
  boolean serves(RuntimeDescriptor wanted, Limits wantedLimits) {
    return wanted.name().equals(runtime.name()) && shape(wantedLimits).equals(shape(limits));
  }

  /** A waiting sandbox, or null when none is left. */
  Sandbox take() {
    for (Sandbox s; (s = idle.poll()) != null; ) {
      if (s.alive() && s.ageNanos() <= maxIdleNanos) {
        hits.incrementAndGet();
        return s;
      }
      host.retire(s); // killed while idle, or too old: never handed out, destroyed off the path
    }
    misses.incrementAndGet();
    return null;
  }

  /** Destroys the sandboxes that waited too long or died; true when some were. */
  boolean expire() {
    List<Sandbox> old = new ArrayList<>();
    idle.removeIf(s -> {
      boolean stale = !s.alive() || s.ageNanos() > maxIdleNanos;
      if (stale) {
        old.add(s);
      }
      return stale;
    });
    old.forEach(Sandbox::close);
    expired.addAndGet(old.size());
    return !old.isEmpty();
  }

  /** Starts sandboxes until the pool is full; one refill at a time, on the caller's thread. */
  void refill() {
    if (!refilling.compareAndSet(false, true)) {
      return;
    }
    try {
      while (!closed && idle.size() < size) {
        long t0 = System.nanoTime();
        Sandbox s;
        try {
          s = Sandbox.prepare(host, runtime, limits);
        } catch (java.io.IOException | RuntimeException e) {
          failures.incrementAndGet();
          return; // no uid or no cgroup now: the next run's end tries again
        }
        boolean ready;
        try {
          s.start();
          ready = s.awaitReady(READY_TIMEOUT_MS);
        } catch (java.io.IOException | RuntimeException e) {
          ready = false;
        }
        if (!ready) {
          failures.incrementAndGet();
          s.close();
          return;
        }
        synchronized (this) {
          if (closed || !idle.offer(s)) {
            s.close();
            return;
          }
        }
        refills.incrementAndGet();
        refillNanos.addAndGet(System.nanoTime() - t0);
      }
      filledOnce = true;
    } finally {
      refilling.set(false);
    }
  }

  /** True once the pool has been full, so that a server can say it is ready. */
  boolean warm() {
    return filledOnce;
  }

  WarmPoolStats stats() {
    return new WarmPoolStats(
        runtime.name(),
        profile,
        size,
        idle.size(),
        hits.get(),
        misses.get(),
        refills.get(),
        refillNanos.get() / 1e9,
        failures.get(),
        expired.get());
  }

  /** Destroys the waiting sandboxes, after a refill in progress has given up. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    while (refilling.get()) { // a start in progress ends within READY_TIMEOUT_MS
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Sandbox s; (s = idle.poll()) != null; ) {
      s.close();
    }
  }

  private static Limits shape(Limits l) {
    return l.withWallTimeout(ANY_WALL).withOutputBytes(ANY_OUTPUT);
  }
}
