package dev.bulwark.model;

/** The validation layer's decision about one program. */
public enum Outcome {
  /** Nothing found: the program runs. */
  ALLOW,
  /** Findings reported; the program runs. */
  FLAG,
  /** The program does not run: status POLICY_DENIED. */
  DENY
}
