package dev.bulwark;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a session ended, and when ({@link Session#end()}, {@link SessionDeadException#end()}).
 *
 * @param cause the kind of end
 * @param reason one line a person can read, e.g. {@code out of memory: the memory limit of 256m was
 *     reached}
 * @param at when it ended
 */
public record SessionEnd(Cause cause, String reason, Instant at) {
  /**
   * The kinds of end; all but {@link #CLOSED} and {@link #ENGINE_CLOSED} are the engine's doing.
   */
  public enum Cause {
    /** Its owner closed it. */
    CLOSED,
    /** The engine closed, and every session with it. */
    ENGINE_CLOSED,
    /** The session's memory limit was reached: the kernel's OOM killer struck. */
    OOM,
    /** A cell did not stop within {@link Session#INTERRUPT_GRACE} of its interrupt. */
    UNRESPONSIVE,
    /** The sandbox ended by itself (its agent exited: killed by the code, or failed). */
    SANDBOX_EXITED,
    /** The sandbox broke the protocol with the host (a malformed or oversized frame). */
    PROTOCOL_ERROR,
    /** It idled past its idle timeout or lived past its lifetime ({@link SessionSpec}). */
    EXPIRED,
    /** The sandbox could not be started. */
    START_FAILED
  }

  public SessionEnd {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }

  /** True when the engine ended the session rather than its owner. */
  public boolean dead() {
    return cause != Cause.CLOSED && cause != Cause.ENGINE_CLOSED;
  }
}
