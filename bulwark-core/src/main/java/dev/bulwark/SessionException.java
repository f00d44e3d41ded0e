package dev.bulwark;

/**
 * A session refused a call: it is busy, it has ended, or a file operation is refused. Each kind has
 * a machine-readable {@link #code()} for the API ({@code session_busy}: 409, {@code session_dead}:
 * 409, the file codes: 400, 404 or 413, {@code session_isolation_unsupported}: 409). What the code
 * in a cell does is never one of these.
 */
public abstract sealed class SessionException extends RuntimeException
    permits SessionBusyException,
        SessionDeadException,
        SessionFileException,
        SessionIsolationException {
  private static final long serialVersionUID = 1L;

  SessionException(String message) {
    super(message);
  }

  /** The API's code for this refusal. */
  public abstract String code();
}
