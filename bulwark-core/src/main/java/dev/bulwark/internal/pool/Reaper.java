package dev.bulwark.internal.pool;

import dev.bulwark.spi.Sandbox;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Destroys sandboxes in the background, off the request path: a sandbox's teardown waits for the
 * kernel (a cgroup's removal, a pid namespace's end), which a caller waiting for its result need
 * not.
 *
 * <p>Invariants: each sandbox handed to it is closed exactly once, on a virtual thread of its own;
 * {@link #close} returns only once every such thread has ended, those started while it waits
 * included, so that an engine that closed leaves no sandbox behind. A teardown that fails is logged
 * with the sandbox's name; what it left is the next start's to recover. Thread-safe.
 */
public final class Reaper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);

  /** How long the work after a run waits: see {@link #afterRun}. */
  private static final Duration AFTER_RUN_DELAY = Duration.ofMillis(5);

  private final Set<Thread> working = ConcurrentHashMap.newKeySet();

  /**
   * After a run: restocks what is kept ahead (launchers, warm sandboxes) and destroys the run's
   * sandbox (null when none started), a few milliseconds later. On two cores, process spawns and
   * cgroup removals started at once slowed the result's way back to the caller (audit, HTTP
   * response) by about 2 ms at the median.
   */
  public void afterRun(Sandbox used, Runnable restock) {
    inBackground(
        "bulwark-after-run",
        () -> {
          boolean interrupted = false;
          try {
            Thread.sleep(AFTER_RUN_DELAY);
          } catch (InterruptedException e) {
            interrupted = true; // restored once the sandbox is gone: its teardown waits for exits
          }
          restock.run();
          if (used != null) {
            destroy(used);
          }
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** Destroys a sandbox that will not run a program (it waited too long, or died waiting). */
  public void retire(Sandbox sandbox) {
    inBackground("bulwark-retire", () -> destroy(sandbox));
  }

  /** Waits for every teardown, including those that start meanwhile. */
  @Override
  public void close() {
    while (!working.isEmpty()) {
      for (Thread t : working) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          LOG.warn("interrupted while {} sandboxes were being destroyed", working.size());
          working.clear(); // interrupted: stop waiting
        }
      }
    }
  }

  private static void destroy(Sandbox sandbox) {
    try {
      sandbox.close();
    } catch (RuntimeException e) {
      LOG.warn("cannot destroy sandbox {}: {}", sandbox.name(), e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a virtual thread that {@link #close} waits for. */
  private void inBackground(String name, Runnable work) {
    Thread t =
        Thread.ofVirtual()
            .name(name)
            .unstarted(() -> {
              try {
                work.run();
              } finally {
                working.remove(Thread.currentThread());
              }
            });
    working.add(t);
    t.start();
  }
}
