package dev.bulwark;

/** A file operation of a session was refused; {@link #kind()} says why. */
public final class SessionFileException extends SessionException {
  private static final long serialVersionUID = 1L;

  /** Why a file operation was refused, each with its API code. */
  public enum Kind {
    /** The path is absolute, has {@code ..}, {@code .} or empty parts, control characters... */
    INVALID_PATH("invalid_path"),
    /** Nothing is there. */
    NOT_FOUND("file_not_found"),
    /**
     * What is there is not what the operation needs: a directory, a symbolic link, a FIFO or a
     * device where a file was expected, a file where a directory was, a directory not empty.
     */
    NOT_A_FILE("not_a_file"),
    /** Over the session's file size limit. */
    TOO_LARGE("file_too_large"),
    /** The workspace has no room left. */
    WORKSPACE_FULL("workspace_full");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Kind kind;
  private final String path;

  public SessionFileException(Kind kind, String path, String message) {
    super(path + ": " + message);
    this.kind = kind;
    this.path = path;
  }

  public Kind kind() {
    return kind;
  }

  /** The path as the caller gave it. */
  public String path() {
    return path;
  }

  @Override
  public String code() {
    return kind.code();
  }
}
