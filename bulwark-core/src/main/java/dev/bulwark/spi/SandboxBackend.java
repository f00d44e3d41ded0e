package dev.bulwark.spi;

import java.io.IOException;
import java.util.List;

/**
 * An isolation tier opened for one engine. Thread-safe: any number of runs and warm pools prepare
 * sandboxes from it at once.
 *
 * <p>The engine calls {@link #recover()} once, right after {@link SandboxTier#open}, before any
 * sandbox exists; then {@link #prepare} from any thread, {@link #restock()} in the background after
 * runs, and {@link #close()} once, after every run has ended and every warm sandbox is closed.
 */
public interface SandboxBackend extends AutoCloseable {
  /** The tier's name ({@link SandboxTier#name()}). */
  String tier();

  /** What this tier runs without, because the operator allowed a degraded mode; empty when none. */
  List<String> warnings();

  /**
   * Removes what engines that died left of this tier on the host (processes, cgroups, sandbox
   * state), judged by {@link EngineHost#isDeadEngine}: never a live engine's, whatever its state
   * directory.
   *
   * @return how many leftovers were removed
   */
  int recover();

  /**
   * Lays out one sandbox for a runtime under limits (identity, cgroup, directories); nothing runs
   * yet. Blocks briefly.
   *
   * @throws IOException when the sandbox's files cannot be made
   * @throws RuntimeException when the host has no room (no uid, no cgroup)
   */
  Sandbox prepare(SandboxSpec spec) throws IOException;

  /**
   * Called in the background once a run has ended: refills what the tier keeps ready ahead of
   * requests (bubblewrap: launchers already inside their cgroup). Never on a request's path: it may
   * slow the host for a moment.
   */
  void restock();

  /** Discards what the tier keeps ready; the sandboxes it prepared are closed already. */
  @Override
  void close();
}
