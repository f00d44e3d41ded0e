package dev.bulwark.internal.run;

import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.Usage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tick, stops a run when it was cancelled, ran out of wall-clock time or used up its CPU
 * budget (for the whole run, not per process as rlimits are), and says why. The run's thread,
 * blocked in a read of the sandbox's output, sees the stream end. One per run, on a virtual thread
 * of its own; it kills once at most.
 *
 * <p>Until the run first reaches its process or memory limit, each tick also notes which of the two
 * it reached first: the cgroup's counters say how often, not when, and {@link Verdict} tells a fork
 * bomb (forks refused, then out of memory) from a program that ran out of memory.
 */
final class Watchdog implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

  /** How often the host looks at the clock, the CPU counter and the cancel flag. */
  private static final long TICK_MS = 20;

  /** Why the host stopped a run from outside. */
  enum Stop {
    CANCELLED,
    TIMEOUT,
    CPU
  }

  private final Sandbox sandbox;
  private final long deadline;
  private final long cpuBudget;
  private final BooleanSupplier cancelled;
  private final AtomicReference<Stop> stopped = new AtomicReference<>();
  private volatile boolean limitSeen;
  private volatile boolean oomFirst;
  private final CountDownLatch over = new CountDownLatch(1);

  /**
   * @param deadline when the wall clock runs out ({@link System#nanoTime()})
   * @param cpuBudget the CPU time the run may use from its hand-off, nanoseconds
   */
  Watchdog(Sandbox sandbox, long deadline, long cpuBudget, BooleanSupplier cancelled) {
    this.sandbox = sandbox;
    this.deadline = deadline;
    this.cpuBudget = cpuBudget;
    this.cancelled = cancelled;
  }

  @Override
  public void run() {
    try {
      while (!over.await(TICK_MS, TimeUnit.MILLISECONDS)) {
        if (!limitSeen) {
          noteFirstLimit();
        }
        Stop why = reason();
        if (why != null && stopped.compareAndSet(null, why)) {
          sandbox.kill();
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The run ended under us and its cgroup is gone: nothing is left to watch.
      LOG.debug("{}: the watch ended with the sandbox: {}", sandbox.name(), e.toString());
    }
  }

  private Stop reason() {
    if (cancelled.getAsBoolean()) {
      return Stop.CANCELLED;
    }
    if (System.nanoTime() >= deadline) {
      return Stop.TIMEOUT;
    }
    if (sandbox.cpuNanos() > cpuBudget) {
      return Stop.CPU;
    }
    return null;
  }

  /** Notes whether the memory limit was reached before any fork was refused, once either was. */
  private void noteFirstLimit() {
    Usage u = sandbox.usage();
    if (u.pidsLimitHits() > 0 || u.oomKills() > 0) {
      oomFirst = u.pidsLimitHits() == 0;
      limitSeen = true;
    }
  }

  /**
   * Whether an OOM kill came before the first refused fork, as the ticks saw it; {@code last} is
   * the run's final count, for limits first reached after the last tick (both at once: forks
   * first).
   */
  boolean oomBeforeForkRefused(Usage last) {
    return limitSeen ? oomFirst : last.oomKills() > 0 && last.pidsLimitHits() == 0;
  }

  /** Why it stopped the run, if it did so far. */
  Stop stopped() {
    return stopped.get();
  }

  /** Ends the watch; says why the run was stopped, or null when it was not. */
  Stop end() {
    over.countDown(); // no wait: once over, it stops nothing
    return stopped.get();
  }
}
