package dev.bulwark.internal.pool;

import dev.bulwark.Isolation;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's warm pools of one kind (for one-shot programs, or for sessions), keyed by (runtime,
 * profile, tier), in the order of its configuration, and the sweeper that replaces sandboxes that
 * waited too long.
 *
 * <p>Invariants: pools fill only in the background (at start, after each take, after a sweep); a
 * run or a session takes from the first pool that serves its runtime, limits and tier, else starts
 * cold; once {@link #close} returned, the sweeper has stopped and no warm sandbox is left.
 * Thread-safe.
 */
public final class WarmPools implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WarmPools.class);

  private final List<WarmPool> pools;
  private final Duration maxIdle;
  private final Object sweeping = new Object();
  private volatile boolean closed;
  private Thread sweeper; // null without pools

  private WarmPools(List<WarmPool> pools, Duration maxIdle) {
    this.pools = List.copyOf(pools);
    this.maxIdle = maxIdle;
  }

  /**
   * The pools of {@code specs}, filling in the background.
   *
   * @param kind what their sandboxes wait for: one program each, or a session each
   * @param backends the backend of a tier by its name (null: the engine's default)
   * @throws IllegalArgumentException when a pool names an unknown runtime, one without a runner (a
   *     program pool) or without sessions (a session pool), or a session pool another tier than
   *     bubblewrap, the only one that hosts sessions
   */
  public static WarmPools start(
      SandboxSpec.Kind kind,
      List<WarmPoolSpec> specs,
      Duration maxIdle,
      Runtimes runtimes,
      Function<String, SandboxBackend> backends,
      Reaper reaper) {
    List<WarmPool> pools = new ArrayList<>();
    for (WarmPoolSpec spec : specs) {
      if (spec.size() > 0) {
        if (kind == SandboxSpec.Kind.SESSION
            && spec.isolation() != null
            && spec.isolation() != Isolation.BUBBLEWRAP) {
          throw new IllegalArgumentException(
              "session pool "
                  + spec
                  + ": sessions run in bubblewrap only; remove its isolation or the pool");
        }
        RuntimeDescriptor runtime =
            runtimes
                .find(spec.runtime())
                .orElseThrow(() ->
                    new IllegalArgumentException(
                        "no runtime '"
                            + spec.runtime()
                            + "' for a warm pool; known: "
                            + runtimes.knownNames()));
        SandboxBackend backend =
            backends.apply(spec.isolation() == null ? null : spec.isolation().tierName());
        pools.add(
            new WarmPool(backend, reaper, runtime, spec.profile(), kind, spec.size(), maxIdle));
      }
    }
    WarmPools started = new WarmPools(pools, maxIdle);
    pools.forEach(pool -> Thread.ofVirtual().name("bulwark-warm").start(pool::refill));
    if (!pools.isEmpty()) {
      started.sweeper = Thread.ofVirtual().name("bulwark-warm-sweep").start(started::sweep);
    }
    return started;
  }

  /**
   * A waiting sandbox for a run (or a session) of this runtime under these limits in this tier;
   * null when no pool serves them or the pool is empty, and it starts cold.
   */
  public Sandbox take(String runtime, Limits limits, String tier) {
    for (WarmPool pool : pools) {
      if (pool.serves(runtime, limits, tier)) {
        return pool.take();
      }
    }
    return null;
  }

  /** Refills every pool in the background: a run has ended, or a session took a sandbox. */
  public void refillLater() {
    if (closed) {
      return;
    }
    for (WarmPool pool : pools) {
      Thread.ofVirtual().name("bulwark-warm").start(pool::refill);
    }
  }

  /** What each pool has done so far, in the order of the configuration. */
  public List<WarmPoolStats> stats() {
    return pools.stream().map(WarmPool::stats).toList();
  }

  /** True once every pool has been full at least once. */
  public boolean warm() {
    return pools.stream().allMatch(WarmPool::warm);
  }

  /** Every quarter of the idle limit (at most 30 s), replaces what waited too long. */
  private void sweep() {
    long every = Math.min(maxIdle.toMillis() / 4, 30_000);
    while (!closed) {
      synchronized (sweeping) {
        try {
          sweeping.wait(Math.max(25, every));
        } catch (InterruptedException e) {
          return;
        }
      }
      for (WarmPool pool : pools) {
        try {
          if (!closed && pool.expire()) {
            pool.refill();
          }
        } catch (RuntimeException e) {
          // The next sweep, or the engine's close, tries again.
          LOG.warn(
              "a warm sandbox that waited too long would not be destroyed: {}", e.getMessage());
        }
      }
    }
  }

  /** Stops the sweeper, then destroys every waiting sandbox. */
  @Override
  public void close() {
    closed = true;
    if (sweeper != null) {
      synchronized (sweeping) {
        sweeping.notifyAll(); // not an interrupt: that would break the file I/O of a teardown
      }
      try {
        sweeper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pools.forEach(WarmPool::close);
  }
}
