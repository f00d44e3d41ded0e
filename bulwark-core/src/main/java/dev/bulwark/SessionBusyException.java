package dev.bulwark;

/** A cell was sent while another runs, and did not ask to wait ({@code session_busy}). */
public final class SessionBusyException extends SessionException {
  private static final long serialVersionUID = 1L;

  public SessionBusyException(String sessionId) {
    super("session " + sessionId + " is running a cell; send the next when it ends, or wait");
  }

  @Override
  public String code() {
    return "session_busy";
  }
}
