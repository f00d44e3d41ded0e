package dev.bulwark.internal.run;

import dev.bulwark.ExecutionListener;
import dev.bulwark.Job;
import dev.bulwark.OutputCaps;
import dev.bulwark.internal.pool.Reaper;
import dev.bulwark.internal.pool.WarmPools;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxBackend;

/**
 * What every run of one engine shares: the runtimes, the tiers' backends, the warm pools, the
 * reaper and the set of runs in flight. The engine makes one at its start and {@link #close closes}
 * the runs first when it closes.
 */
public final class Runs implements AutoCloseable {
  private final Runtimes runtimes;
  private final Tiers tiers;
  private final WarmPools pools;
  private final Reaper reaper;
  private final LiveRuns live = new LiveRuns();
  private final OutputCaps caps;
  private final ArtifactStore artifacts;

  public Runs(Runtimes runtimes, Tiers tiers, WarmPools pools, Reaper reaper) {
    this(runtimes, tiers, pools, reaper, OutputCaps.defaults());
  }

  public Runs(Runtimes runtimes, Tiers tiers, WarmPools pools, Reaper reaper, OutputCaps caps) {
    this.runtimes = runtimes;
    this.tiers = tiers;
    this.pools = pools;
    this.reaper = reaper;
    this.caps = caps;
    this.artifacts = new ArtifactStore(caps.artifactTtl());
  }

  /** The large artifacts of runs, kept for a while. */
  public ArtifactStore artifacts() {
    return artifacts;
  }

  OutputCaps caps() {
    return caps;
  }

  /** A run of {@code job}, not started: {@link Run#run()} it on some thread. */
  public Run newRun(
      Job job, RuntimeDescriptor runtime, Decider decider, ExecutionListener listener) {
    return new Run(this, job, runtime, decider, listener);
  }

  Runtimes runtimes() {
    return runtimes;
  }

  /** The backend of a job's tier (null: the default). */
  SandboxBackend backend(String tier) {
    return tiers.backend(tier);
  }

  WarmPools pools() {
    return pools;
  }

  Reaper reaper() {
    return reaper;
  }

  LiveRuns live() {
    return live;
  }

  /**
   * Refills what is kept ahead, a run of {@code backend} (null: none was leased) having ended;
   * nothing once the engine is closing.
   */
  void restock(SandboxBackend backend) {
    if (!live.closed()) {
      if (backend != null) {
        backend.restock();
      }
      pools.refillLater();
    }
  }

  /** Cancels the runs in flight and waits for them; no run starts afterwards. */
  @Override
  public void close() {
    live.close();
  }
}
