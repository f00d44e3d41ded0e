package dev.bulwark.internal.pool;

import dev.bulwark.Profiles;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.internal.runtime.FrameReader;
import dev.bulwark.internal.runtime.RunnerFrame;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxSpec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandboxes of one {@link PoolKey}, started ahead: the sandbox is up, the interpreter and its
 * runner (or, for a session pool, the session's agent and its kernel) are loaded and wait for their
 * program or their session. Each serves one execution or one session and is destroyed after it; the
 * pool starts others in the background. Empty, it answers {@code null} and the run starts cold:
 * exhaustion costs latency, never a failure. A sandbox that waited longer than the engine's {@code
 * warmMaxIdle} is replaced, so that no interpreter from before a host update lingers.
 *
 * <p>Invariants: a sandbox is handed out at most once, and only while alive and not too old; one
 * refill at a time; once {@link #close} returned, no sandbox of the pool is left. Thread-safe.
 */
final class WarmPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WarmPool.class);

  /** A runner that is not ready by then is broken, not slow; it is destroyed. */
  private static final long READY_TIMEOUT_MS = 10_000;

  /** Stand-ins for the limits the host enforces from outside and a sandbox need not know. */
  private static final Duration ANY_WALL = Duration.ofSeconds(1);

  private static final long ANY_OUTPUT = 1024;

  private final SandboxBackend backend;
  private final Reaper reaper;
  private final PoolKey key;
  private final SandboxSpec spec;
  private final SandboxSpec.Kind kind;
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

  WarmPool(
      SandboxBackend backend,
      Reaper reaper,
      RuntimeDescriptor runtime,
      String profile,
      SandboxSpec.Kind kind,
      int size,
      Duration maxIdle) {
    if (kind == SandboxSpec.Kind.PROGRAM && !runtime.hasRunner()) {
      throw new IllegalArgumentException(
          runtime.name()
              + " cannot wait warm: it has no runner to wait for its program; remove its pool");
    }
    if (kind == SandboxSpec.Kind.SESSION && !runtime.hasSessions()) {
      throw new IllegalArgumentException(
          runtime.name() + " has no sessions to wait warm; remove its session pool");
    }
    this.backend = backend;
    this.reaper = reaper;
    this.key = new PoolKey(runtime.name(), profile, backend.tier());
    this.kind = kind;
    this.spec = new SandboxSpec(runtime, Profiles.named(profile), kind);
    this.size = size;
    this.maxIdleNanos = maxIdle.toNanos();
    this.idle = new ArrayBlockingQueue<>(Math.max(1, size));
    this.filledOnce = size == 0;
  }

  /**
   * True when a sandbox of this pool can serve this runtime, under {@code wanted}, in this tier:
   * the limits a sandbox carries inside (cgroup, rlimits, tmpfs sizes) are the same; the wall clock
   * and the output cap are the host's to enforce, and so is a session's CPU time (per cell).
   */
  boolean serves(String runtime, Limits wanted, String tier) {
    return key.runtime().equals(runtime)
        && key.tier().equals(tier)
        && shape(wanted).equals(shape(spec.limits()));
  }

  /** A waiting sandbox, or null when none is left. */
  Sandbox take() {
    for (Sandbox s; (s = idle.poll()) != null; ) {
      if (s.alive() && s.ageNanos() <= maxIdleNanos) {
        hits.incrementAndGet();
        return s;
      }
      reaper.retire(s); // killed while idle, or too old: never handed out
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
          s = backend.prepare(spec);
        } catch (IOException | RuntimeException e) {
          failures.incrementAndGet();
          // No uid or no cgroup now: the next run's end tries again.
          LOG.warn("warm pool {}: cannot prepare a sandbox: {}", key, e.getMessage());
          return;
        }
        if (!startAndAwaitReady(s)) {
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

  /**
   * Starts the sandbox and waits, at most {@link #READY_TIMEOUT_MS}, until its runner (or session
   * agent) says it is loaded and waits for its program (or its session's first frame).
   */
  private boolean startAndAwaitReady(Sandbox s) {
    try {
      s.start();
    } catch (IOException | RuntimeException e) {
      LOG.warn("warm pool {}: sandbox {} did not start: {}", key, s.name(), e.getMessage());
      return false;
    }
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    InputStream stdout = s.stdout();
    Thread.ofVirtual()
        .name(s.name() + "-ready")
        .start(() -> {
          try {
            if (kind == SandboxSpec.Kind.SESSION) {
              FrameReader.awaitReady(stdout);
            } else {
              RunnerFrame.readReady(stdout);
            }
            ready.complete(true);
          } catch (IOException e) {
            LOG.debug("warm pool {}: the runner of {} ended: {}", key, s.name(), e.getMessage());
            ready.complete(false);
          }
        });
    try {
      return ready.get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS) && s.alive();
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("warm pool {}: the runner of {} was not ready in time", key, s.name());
      return false; // the caller destroys the sandbox, which ends the read
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** True once the pool has been full, so that a server can say it is ready. */
  boolean warm() {
    return filledOnce;
  }

  WarmPoolStats stats() {
    return new WarmPoolStats(
        key.runtime(),
        key.profile(),
        key.tier(),
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

  private Limits shape(Limits l) {
    Limits outside = l.withWallTimeout(ANY_WALL).withOutputBytes(ANY_OUTPUT);
    // A session's sandbox has no CPU rlimit: the host counts each cell's CPU time.
    return kind == SandboxSpec.Kind.SESSION ? outside.withCpuTime(ANY_WALL) : outside;
  }
}
