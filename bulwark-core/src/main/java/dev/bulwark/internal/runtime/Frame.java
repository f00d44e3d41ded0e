package dev.bulwark.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One frame of the protocol between the host and a session's agent (docs/architecture.md, "The
 * host-agent protocol"; a one-shot run's outputs channel speaks it too): a header {@code TYPE ID
 * LENGTH\n}, then LENGTH bytes.
 *
 * @param kind what it is
 * @param id the cell or the file operation it belongs to
 * @param payload its bytes (JSON, output, file data), empty for most requests
 */
@SuppressWarnings("ArrayRecordComponent") // made by the reader, read once by the one consumer
public record Frame(Kind kind, int id, byte[] payload) {
  /** The largest header, ASCII: a type, an id and a length. */
  public static final int MAX_HEADER = 40;

  /** What the frames are, each with the most the agent may send of it (0: only the host sends). */
  public enum Kind {
    // host -> agent
    START(0),
    CELL(0),
    RUN(0),
    DROP(0),
    INTERRUPT(0),
    RESTART(0),
    PUT(0),
    ABORT(0),
    GET(0),
    LIST(0),
    DELETE(0),
    // both ways
    DATA(Sizes.CHUNK),
    END(0),
    // agent -> host
    SUMMARY(16 << 20),
    OUT(Sizes.CHUNK),
    ERR(Sizes.CHUNK),
    /** Bounded by the output caps: see {@link Sizes#display}. */
    DISPLAY(-1),
    DONE(4096),
    RESTARTED(0),
    /** A one-shot run's workspace file, then its data: {@code {"name", "size"}}. */
    ARTIFACT(8192),
    OK(8 << 20),
    FAIL(64 * 1024);

    private final int maxFromAgent;
    private final byte[] wire;

    Kind(int maxFromAgent) {
      this.maxFromAgent = maxFromAgent;
      this.wire = name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }

    byte[] wire() {
      return wire.clone();
    }

    /** The most the agent may send in one frame of this kind. */
    int maxFromAgent(int displayMax) {
      return this == DISPLAY ? displayMax : maxFromAgent;
    }

    static Kind of(String wire) {
      for (Kind k : values()) {
        if (k.name().toLowerCase(Locale.ROOT).equals(wire)) {
          return k;
        }
      }
      return null;
    }
  }

  /** Sizes the host and the agent agree on. */
  public static final class Sizes {
    /** File data and output travel in chunks of at most this many bytes. */
    public static final int CHUNK = 64 * 1024;

    private Sizes() {}

    /** The largest display frame: one output within the result's cap, and some room. */
    public static int display(long maxOutputBytes) {
      return (int) Math.min(Integer.MAX_VALUE - 8, maxOutputBytes + CHUNK);
    }
  }

  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
