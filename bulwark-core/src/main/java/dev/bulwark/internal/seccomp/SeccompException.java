package dev.bulwark.internal.seccomp;

import java.util.Objects;

/**
 * A seccomp policy could not be parsed or compiled. The message says what to fix (the policy line,
 * the missing library, the directory that cannot be written); {@link #code()} says which family of
 * failure it is, for the API and CLI to map to a status.
 */
public class SeccompException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The family of a failure. */
  public enum Code {
    /** The policy text is malformed; the message names the line. */
    POLICY_INVALID,
    /** libseccomp could not be loaded (not installed, or the wrong architecture). */
    LIBSECCOMP_UNAVAILABLE,
    /** libseccomp refused a rule or could not generate the filter. */
    COMPILE_FAILED,
    /** The compiled filter could not be written to its directory. */
    WRITE_FAILED
  }

  private final Code code;

  public SeccompException(Code code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public SeccompException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Which family of failure this is. */
  public Code code() {
    return code;
  }
}
