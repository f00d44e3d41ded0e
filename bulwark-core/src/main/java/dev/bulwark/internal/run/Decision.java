package dev.bulwark.internal.run;

import dev.bulwark.model.Finding;
import java.util.List;

/**
 * What the decide phase of a run concluded (DESIGN.md §1).
 *
 * @param run whether the program runs
 * @param reason why it does not, for the result (empty when it runs)
 * @param findings what the run's result carries either way
 */
public record Decision(boolean run, String reason, List<Finding> findings) {
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
