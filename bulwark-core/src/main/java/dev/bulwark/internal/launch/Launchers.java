package dev.bulwark.internal.launch;

import dev.bulwark.internal.cgroup.Cgroups;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launcher staging: keeps up to {@code count} launchers waiting, each already inside a fresh
 * cgroup, so that a run skips the cgroup join (about 10 ms on cgroup v1, see {@link
 * StagedLauncher}).
 *
 * <p>Invariants: a launcher is handed out at most once and only while alive (one killed while idle
 * is discarded, never reused); staging happens in the background after runs ({@link #restockLater})
 * or on the request path when none waits ({@link #take}), never on a run's start; once {@link
 * #close} began, nothing staged stays behind: a launcher staged meanwhile is discarded.
 * Thread-safe: {@link #take} from any run, one refill at a time.
 */
public final class Launchers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Launchers.class);

  private final Path binary;
  private final Supplier<String> names;
  private final Cgroups cgroups; // null when degraded
  private final int count;
  private final BlockingQueue<StagedLauncher> staged;
  private volatile boolean closed;

  /**
   * @param binary the launcher binary (a link to {@link LauncherImage})
   * @param names a new name for each launcher's cgroup and sandbox ({@code ID.SEQUENCE})
   * @param cgroups where launchers get their cgroup; null in degraded mode (no cgroup)
   * @param count how many wait at most (0: every run stages its own)
   */
  public Launchers(Path binary, Supplier<String> names, Cgroups cgroups, int count) {
    this.binary = binary;
    this.names = names;
    this.cgroups = cgroups;
    this.count = count;
    this.staged = new ArrayBlockingQueue<>(Math.max(1, count));
  }

  /** The engine id in a run's name, {@code ID.SEQUENCE}: cgroups and sandboxes are named so. */
  public static String engineOf(String runName) {
    int dot = runName.lastIndexOf('.');
    return dot < 0 ? runName : runName.substring(0, dot);
  }

  /** A launcher for one run: a staged one when ready, else one staged now (the cold path). */
  public StagedLauncher take() {
    StagedLauncher launcher;
    while ((launcher = staged.poll()) != null && !launcher.alive()) {
      launcher.discard(); // someone killed it while idle: never reuse what we cannot vouch for
    }
    return launcher != null ? launcher : stageNow();
  }

  /** A launcher staged on the caller's thread, with a fresh cgroup without limits yet. */
  public StagedLauncher stageNow() {
    String name = names.get();
    // The request's limits are applied when it comes, before the sandbox starts.
    return StagedLauncher.stage(
        binary, name, cgroups == null ? null : cgroups.createUnlimited(name));
  }

  /** Stages, on the caller's thread, until {@code count} launchers wait. */
  public synchronized void refill() {
    while (!closed && staged.size() < count) {
      StagedLauncher launcher;
      try {
        launcher = stageNow();
      } catch (RuntimeException e) {
        // The cold path stages again, and reports, on the next request.
        LOG.warn("cannot stage a sandbox launcher ahead: {}", e.getMessage());
        return;
      }
      if (closed || !staged.offer(launcher)) {
        launcher.discard();
        return;
      }
    }
  }

  /**
   * Refills in the background once a run has ended. Not when one starts: a cgroup v1 join holds the
   * kernel's threadgroup lock for writing while it waits for an RCU grace period, and every fork on
   * the host waits with it, the starting sandbox's included.
   */
  public void restockLater() {
    if (!closed && staged.size() < count) {
      Thread.ofVirtual().name("bulwark-stage").start(this::refill);
    }
  }

  /**
   * Kills the staged launchers; nothing is staged afterwards. Waits for a refill in progress, which
   * stops at its next launcher.
   */
  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      drain();
    }
  }

  private void drain() {
    for (StagedLauncher l; (l = staged.poll()) != null; ) {
      l.discard();
    }
  }
}
