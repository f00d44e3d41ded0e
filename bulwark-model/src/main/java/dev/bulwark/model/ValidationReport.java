package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * What the validation layer says of a program without running it: the body of {@code POST
 * /v1/validate} and of the MCP tool {@code validate_code}. Immutable.
 *
 * @param outcome DENY when any finding denies, FLAG when there are findings, else ALLOW
 * @param policy the policy it was judged under (the caller's, tightened by the request's)
 * @param findings each finding, by position, with what to change
 * @param syntaxError where the runtime's parser gave up, or null (absent from the JSON then)
 */
public record ValidationReport(
    Outcome outcome,
    String policy,
    List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_NULL) SyntaxError syntaxError) {
  /**
   * @throws NullPointerException without an outcome or a policy
   */
  public ValidationReport {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(policy, "policy");
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  /**
   * Where a program does not parse; such a program fails when it runs, with the runtime's own
   * message.
   *
   * @param message the parser's message
   * @param line 1-based line, 0 when unknown
   * @param col 1-based column, 0 when unknown
   */
  public record SyntaxError(String message, int line, int col) {
    public SyntaxError {
      message = message == null ? "" : message;
    }
  }
}
