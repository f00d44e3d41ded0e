package dev.bulwark.internal.bwrap;

import dev.bulwark.model.Finding;
import java.util.List;

/**
 * The host's decision about a program once its runner has described it (DESIGN.md §1): the runner
 * parses the code inside the sandbox, sends a summary, and waits; no user code runs until the gate
 * says so.
 */
@FunctionalInterface
public interface Gate {
  /** Lets every program run: for callers that validate elsewhere. */
  Gate OPEN = summary -> Decision.run(List.of());

  /**
   * Decides from the runner's summary (JSON, at most {@link RunnerFrame#MAX_BYTES}). Called at most
   * once per run, on the run's thread; an exception ends the run as SANDBOX_ERROR.
   */
  Decision decide(byte[] summary);

  /**
   * What the gate decided.
   *
   * @param run whether the program runs
   * @param reason why it does not, for the result (empty when it runs)
   * @param findings what the run's result carries either way
   */
  record Decision(boolean run, String reason, List<Finding> findings) {
    public Decision {
      findings = List.copyOf(findings);
    }

    public static Decision run(List<Finding> findings) {
      return new Decision(true, "", findings);
    }

    public static Decision stop(String reason, List<Finding> findings) {
      return new Decision(false, reason, findings);
    }
  }
}
