package dev.bulwark.cli;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Output;
import dev.bulwark.model.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a cell showed beyond its streams, for a person at a terminal: its value and text displays on
 * stdout (as a notebook's {@code Out}), its images and HTML saved (or a line saying how to save
 * them), and one line on stderr when its status is not OK.
 */
final class Shown {
  private static final List<String> RICH = List.of("image/png", "image/svg+xml", "text/html");

  private Shown() {}

  /**
   * @param prefix the saved files' prefix ({@code cell-3-})
   * @param saved where images go; null to only say that there are some
   * @param stdio where values go; null when stdout holds JSON instead
   */
  static void cell(
      ExecutionResult result, String prefix, SavedOutputs saved, Stdio stdio, PrintWriter err)
      throws IOException {
    if (saved != null) {
      saved.outputs(prefix, result.outputs());
    }
    if (stdio == null) {
      return;
    }
    int unsaved = 0;
    for (Output output : result.outputs()) {
      if (output.outputType() == Output.Type.ERROR) {
        continue; // its traceback is the cell's stderr already
      }
      boolean rich = RICH.stream().anyMatch(output.data()::containsKey);
      if (rich) {
        unsaved += saved == null ? 1 : 0;
      } else if (output.data().get("text/plain") instanceof String text) {
        stdio.out().write((text + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    stdio.out().flush();
    if (unsaved > 0) {
      err.println(
          "bulwark: " + unsaved + " image or HTML output(s) not saved: --out DIR saves them");
    }
    if (result.status() != Status.OK) {
      err.println("bulwark: " + result.status() + ": " + result.reason());
    }
    err.flush();
  }
}
