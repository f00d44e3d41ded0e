package dev.bulwark.internal.session;

import dev.bulwark.Session;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tick, stops a cell that its caller interrupted, that ran out of its wall clock or its CPU
 * budget (the session's cgroup's CPU time since the cell began), or that floods its output: once,
 * by asking its kernel to stop ({@link Stopper#interrupt}). A cell that has not ended {@link
 * Session#INTERRUPT_GRACE} later ends its session ({@link Stopper#unresponsive}). One per cell, on
 * a virtual thread of its own.
 */
final class CellWatch implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CellWatch.class);

  private static final long TICK_MS = 20;

  /** Why a cell was stopped from outside. */
  enum Stop {
    CANCELLED,
    TIMEOUT,
    CPU,
    FLOOD
  }

  /** What the watch does to its cell. */
  interface Stopper {
    /** Asks the cell to stop (SIGINT to the kernel, or an end to its parse). */
    void interrupt(Stop why);

    /** The cell did not stop in time: its session ends. */
    void unresponsive(Stop why);
  }

  private final String name;
  private final LongSupplier cpu;
  private final long deadline;
  private final long cpuStart;
  private final long cpuBudget;
  private final Stopper stopper;
  private final AtomicReference<Stop> stopped = new AtomicReference<>();
  private final CountDownLatch over = new CountDownLatch(1);
  private volatile long stoppedAt;

  /**
   * @param cpu the session's CPU time so far, nanoseconds
   * @param deadline when the wall clock runs out ({@link System#nanoTime()})
   * @param cpuBudget the CPU time the cell may use, nanoseconds
   */
  CellWatch(String name, LongSupplier cpu, long deadline, long cpuBudget, Stopper stopper) {
    this.name = name;
    this.cpu = cpu;
    this.deadline = deadline;
    this.cpuStart = cpu.getAsLong();
    this.cpuBudget = cpuBudget;
    this.stopper = stopper;
  }

  @Override
  public void run() {
    try {
      while (!over.await(TICK_MS, TimeUnit.MILLISECONDS)) {
        Stop why = stopped.get();
        if (why == null) {
          why = reason();
          if (why != null) {
            stop(why);
          }
        } else if (System.nanoTime() - stoppedAt > Session.INTERRUPT_GRACE.toNanos()) {
          stopper.unresponsive(why);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("{}: the watch of a cell failed", name, e);
    }
  }

  private Stop reason() {
    if (System.nanoTime() >= deadline) {
      return Stop.TIMEOUT;
    }
    if (cpu.getAsLong() - cpuStart > cpuBudget) {
      return Stop.CPU;
    }
    return null;
  }

  /** Stops the cell for this reason unless it was stopped already; any thread. */
  void stop(Stop why) {
    if (stopped.compareAndSet(null, why)) {
      stoppedAt = System.nanoTime();
      stopper.interrupt(why);
    }
  }

  /** Why the cell was stopped, or null. */
  Stop stopped() {
    return stopped.get();
  }

  /** Ends the watch; the cell has ended. */
  Stop end() {
    over.countDown();
    return stopped.get();
  }
}
