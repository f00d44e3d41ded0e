package dev.bulwark.client;

import java.util.List;

/**
 * What the validation layer says of a program without running it.
 *
 * @param outcome {@code ALLOW}, {@code FLAG} or {@code DENY}
 * @param policy the policy it was judged under (the tenant's, tightened by the request's)
 * @param findings each finding, with what to change
 * @param syntaxError where the runtime's parser gave up, or null
 */
public record Validation(
    String outcome, String policy, List<Finding> findings, SyntaxError syntaxError) {
  public Validation {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  /** Where a program does not parse. */
  public record SyntaxError(String message, int line, int col) {}
}
