package dev.bulwark;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An execution the engine accepted: its future result, and a way to cancel it from any thread. Its
 * listener gets it first ({@link ExecutionListener#started}), so that a streaming client can cancel
 * the run it watches.
 */
public final class Execution {
  private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

  private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
  private final Supplier<ExecutionResult> run;
  private final Runnable canceller;
  private final ExecutionListener listener;

  /**
   * @param run runs the execution on the calling thread; never throws
   */
  Execution(Supplier<ExecutionResult> run, Runnable canceller, ExecutionListener listener) {
    this.run = run;
    this.canceller = canceller;
    this.listener = listener;
  }

  /** Runs it on the calling thread, once, and completes {@link #result()}. */
  ExecutionResult runHere() {
    try {
      listener.started(this);
    } catch (RuntimeException e) {
      LOG.warn("a listener failed as its execution started", e);
    }
    ExecutionResult r = run.get();
    result.complete(r);
    return r;
  }

  /** Completes with the result; never completes exceptionally. */
  public CompletableFuture<ExecutionResult> result() {
    return result;
  }

  /** Stops the execution; its result becomes {@link Status#CANCELLED} unless it already ended. */
  public void cancel() {
    canceller.run();
  }
}
