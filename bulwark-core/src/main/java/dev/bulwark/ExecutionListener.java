package dev.bulwark;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Output;
import dev.bulwark.model.Status;
import java.util.List;

/**
 * Observes one execution as it happens: the API through which a server records it, a streaming
 * client sees its output, a caller learns its result. The engine calls, in this order and each at
 * the phase of DESIGN.md §1 it names:
 *
 * <ol>
 *   <li>{@link #started} as the engine accepts the execution, with the handle that cancels it;
 *   <li>{@link #decided} once the validation layer let the program run, before it runs (not when it
 *       was denied, nor when the run ended earlier);
 *   <li>{@link #output} as the program writes, up to each stream's output limit, and {@link
 *       #display} as it shows a rich output (a chart, a table, a cell's value, an error), up to the
 *       engine's output caps;
 *   <li>{@link #completed} exactly once per execution that was accepted (whatever happened to it),
 *       with its one result.
 * </ol>
 *
 * Called from the engine's own threads, stdout and stderr from different ones: implementations must
 * be thread-safe and quick (a slow listener slows the program's output, never the limits, which the
 * host enforces apart).
 */
public interface ExecutionListener {
  /** Hears nothing. */
  ExecutionListener NONE = new ExecutionListener() {};

  /** The program's output streams. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /**
   * The engine accepted the execution and starts it; {@code execution} cancels it from any thread
   * (a streaming client that went away). An exception here is logged and changes nothing.
   */
  default void started(Execution execution) {}

  /**
   * The barrier before the program runs: the validation layer's findings for a program it allowed.
   * The program runs only once this returned; throwing stops it before it runs (the result is a
   * {@link Status#SANDBOX_ERROR}), e.g. when the caller could not record it.
   */
  default void decided(List<Finding> findings) {}

  /**
   * Output as it arrives, up to the output limit of each stream; what comes later is only in the
   * result's tail. Chunks may split a UTF-8 character.
   */
  default void output(Stream stream, byte[] chunk) {}

  /**
   * A rich output as the program shows it, in the order it was made, up to the engine's caps
   * ({@link EngineConfig#outputs()}); the result's {@code outputs} holds the same. Called from the
   * thread that reads the program's output.
   */
  default void display(Output output) {}

  /**
   * The execution's one result, once its sandbox's work is done and before the caller gets it. An
   * exception here is logged and does not change the result.
   */
  default void completed(ExecutionResult result) {}

  /** A listener that tells this one, then {@code next}, of each event. */
  default ExecutionListener andThen(ExecutionListener next) {
    ExecutionListener first = this;
    return new ExecutionListener() {
      @Override
      public void started(Execution execution) {
        first.started(execution);
        next.started(execution);
      }

      @Override
      public void decided(List<Finding> findings) {
        first.decided(findings);
        next.decided(findings);
      }

      @Override
      public void output(Stream stream, byte[] chunk) {
        first.output(stream, chunk);
        next.output(stream, chunk);
      }

      @Override
      public void display(Output output) {
        first.display(output);
        next.display(output);
      }

      @Override
      public void completed(ExecutionResult result) {
        first.completed(result);
        next.completed(result);
      }
    };
  }
}
