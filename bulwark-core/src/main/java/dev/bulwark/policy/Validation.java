package dev.bulwark.policy;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Outcome;
import dev.bulwark.model.ValidationReport;
import java.util.List;

/**
 * The validation layer's answer for one program.
 *
 * @param outcome DENY when any finding denies, FLAG when there are findings, else ALLOW
 * @param findings every finding, by position
 * @param syntaxError where the runtime's parser gave up, or null; such a program fails when it
 *     runs, with the runtime's own message
 */
public record Validation(
    Outcome outcome, List<Finding> findings, ValidationReport.SyntaxError syntaxError) {
  public Validation {
    findings = List.copyOf(findings);
  }

  public Validation(Outcome outcome, List<Finding> findings) {
    this(outcome, findings, null);
  }

  /**
   * The validation as callers read it (the HTTP API, the MCP tool): outcome, the policy's name,
   * findings, and syntaxError when there is one.
   */
  public ValidationReport report(String policy) {
    return new ValidationReport(outcome, policy, findings, syntaxError);
  }

  /** The same validation with the parser's error. */
  public Validation withSyntaxError(ValidationReport.SyntaxError error) {
    return new Validation(outcome, findings, error);
  }
}
