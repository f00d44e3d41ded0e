package dev.bulwark.client;

import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Output;

/**
 * Hears a streamed execution as it happens. Called on the thread that called {@link
 * BulwarkClient#execute(ExecutionRequest, OutputListener)}, in the order the server sent.
 */
public interface OutputListener {
  /** A finding of the validation layer, before the program runs. */
  default void finding(Finding finding) {}

  /** Text the program wrote to stdout, as it came. */
  default void stdout(String text) {}

  /** Text the program wrote to stderr, as it came. */
  default void stderr(String text) {}

  /** A rich output (a display, a chart, a cell's value), as it was made. */
  default void display(Output output) {}
}
