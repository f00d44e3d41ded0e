package dev.bulwark.internal.validation;

import dev.bulwark.policy.RuleInfo;

/**
 * A rule matched at a place in the source, before the policy decides what that means.
 *
 * @param remediation advice for this hit, or null for the rule's default
 */
record Hit(RuleInfo rule, int line, int col, String message, String remediation) {
  static Hit at(RuleInfo rule, Summary.Positioned where, String message) {
    return new Hit(rule, where.line(), where.col(), message, null);
  }

  static Hit at(RuleInfo rule, Summary.Positioned where, String message, String remediation) {
    return new Hit(rule, where.line(), where.col(), message, remediation);
  }
}
