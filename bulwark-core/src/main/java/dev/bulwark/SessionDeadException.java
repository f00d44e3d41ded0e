package dev.bulwark;

/** The session has ended: nothing more runs in it ({@code session_dead}). */
public final class SessionDeadException extends SessionException {
  private static final long serialVersionUID = 1L;

  private final transient SessionEnd end;

  public SessionDeadException(String sessionId, SessionEnd end) {
    super("session " + sessionId + " has ended: " + end.reason());
    this.end = end;
  }

  /** Why and when it ended. */
  public SessionEnd end() {
    return end;
  }

  @Override
  public String code() {
    return "session_dead";
  }
}
