package dev.bulwark.model;

import java.util.Objects;

/**
 * One observation of the validation layer about the code, written so that an agent can act on it.
 * Its JSON form is the same wherever it appears: in a result, a validation report, an SSE {@code
 * finding} event and the audit log.
 *
 * @param ruleId stable identifier of the rule, e.g. {@code py.process.spawn}
 * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param outcome what the rule decided: {@link Outcome#FLAG} or {@link Outcome#DENY}
 * @param message what was found
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param snippet the offending source text
 * @param remediation what to change, addressed to the agent
 */
public record Finding(
    String ruleId,
    String severity,
    Outcome outcome,
    String message,
    int line,
    int column,
    String snippet,
    String remediation) {
  /**
   * @throws NullPointerException without a rule, an outcome or a message
   */
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }
}
