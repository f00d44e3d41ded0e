package dev.bulwark;

import dev.bulwark.internal.run.Decider;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.model.ExecutionResult;

/** Test access to an engine's lifecycle: a run whose decide phase the test supplies. */
public final class Engines {
  private Engines() {}

  /** Runs {@code job} on {@code engine}, decided by {@code decider} instead of its policy. */
  public static ExecutionResult run(Engine engine, Job job, Decider decider) {
    var runtime = Runtimes.builtIn().find(job.language()).orElseThrow();
    return engine.runs().newRun(job, runtime, decider, ExecutionListener.NONE).run();
  }
}
