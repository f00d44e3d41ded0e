package dev.bulwark.policy;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Outcome;
import java.util.List;

/**
 * The validation layer's answer for one program.
 *
 * @param outcome DENY when any finding denies, FLAG when there are findings, else ALLOW
 * @param findings every finding, by position
 * @param syntaxError where the runtime's parser gave up, or null; such a program fails when it
 *     runs, with the runtime's own message
 */
public record Validation(Outcome outcome, List<Finding> findings, Summary.Location syntaxError) {
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
  public java.util.Map<String, Object> report(String policy) {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("outcome", outcome);
    out.put("policy", policy);
    out.put("findings", findings);
    if (syntaxError != null) {
      out.put("syntaxError", syntaxError);
    }
    return out;
  }

  /** The same validation with the parser's error. */
  public Validation withSyntaxError(Summary.Location error) {
    return new Validation(outcome, findings, error);
  }
}
