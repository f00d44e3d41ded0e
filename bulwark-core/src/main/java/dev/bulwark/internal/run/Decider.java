package dev.bulwark.internal.run;

import dev.bulwark.internal.validation.Summary;
import dev.bulwark.internal.validation.Validator;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Outcome;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.Validation;
import dev.bulwark.spi.RuntimeDescriptor;

/**
 * The decide phase: judges a program from what its runner saw in it (or, for a runtime without a
 * runner, from its text on the host). Called at most once per run, on the run's thread, before any
 * user code has run; an exception ends the run as SANDBOX_ERROR and nothing runs.
 */
@FunctionalInterface
public interface Decider {
  Decision decide(Summary summary);

  /** The validation layer's verdict under {@code policy}: DENY stops the program. */
  static Decider policy(RuntimeDescriptor runtime, String code, Policy policy) {
    return summary -> {
      Validation v = Validator.validate(runtime.name(), code, summary, policy);
      if (v.outcome() != Outcome.DENY) {
        return Decision.run(v.findings());
      }
      Finding first =
          v.findings().stream().filter(f -> f.outcome() == Outcome.DENY).findFirst().orElseThrow();
      long denials = v.findings().stream().filter(f -> f.outcome() == Outcome.DENY).count();
      return Decision.stop(
          "the policy '"
              + policy.name()
              + "' denies this program: "
              + first.message()
              + " (line "
              + first.line()
              + ", "
              + first.ruleId()
              + (denials > 1 ? "; " + (denials - 1) + " more in the findings" : "")
              + ")",
          v.findings());
    };
  }
}
