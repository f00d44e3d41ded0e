package dev.bulwark;

import dev.bulwark.model.ExecutionResult;
import java.util.concurrent.CompletableFuture;

/** A running execution: its future result, and a way to cancel it. */
public final class Execution {
  private final CompletableFuture<ExecutionResult> result;
  private final Runnable canceller;

  Execution(CompletableFuture<ExecutionResult> result, Runnable canceller) {
    this.result = result;
    this.canceller = canceller;
  }

  static Execution finished(ExecutionResult result) {
    return new Execution(CompletableFuture.completedFuture(result), () -> {});
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
