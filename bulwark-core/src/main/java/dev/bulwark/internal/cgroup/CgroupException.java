package dev.bulwark.internal.cgroup;

/** A cgroup could not be created, limited, read, emptied or removed. The message says which. */
public class CgroupException extends RuntimeException {

  /** The failure family, for callers that map errors to statuses or exit codes. */
  public enum Code {
    /**
     * The host is not set up for cgroups (controller missing, directory not writable): an operator
     * has to act; {@link Cgroups#problems()} says how.
     */
    HOST_NOT_READY,
    /** A read, write, kill or removal failed while the host itself looked usable. */
    OPERATION_FAILED
  }

  private final Code code;

  public CgroupException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public CgroupException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
