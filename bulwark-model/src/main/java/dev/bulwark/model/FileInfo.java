package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a session's workspace, as the sandbox itself sees it. Immutable.
 *
 * @param path its path relative to the workspace, e.g. {@code data/sales.csv}; a name that is not
 *     valid UTF-8 or holds a control character is shown escaped ({@code \xNN} for each such byte,
 *     {@code \\} for a backslash) with {@code escaped} set: such a file cannot be named in a
 *     request until the program renames it
 * @param size its size in bytes (0 for a directory)
 * @param kind what it is
 * @param modified when it last changed
 * @param escaped whether {@code path} is escaped (absent from JSON when false)
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record FileInfo(
    @JsonInclude(JsonInclude.Include.ALWAYS) String path,
    @JsonInclude(JsonInclude.Include.ALWAYS) long size,
    @JsonInclude(JsonInclude.Include.ALWAYS) Kind kind,
    @JsonInclude(JsonInclude.Include.ALWAYS) Instant modified,
    boolean escaped) {

  /** What a workspace entry is. Only files move in and out; the rest is listed. */
  public enum Kind {
    @JsonProperty("file")
    FILE,
    @JsonProperty("directory")
    DIRECTORY,
    @JsonProperty("symlink")
    SYMLINK,
    /** A FIFO, socket or device node: listed, never read or written. */
    @JsonProperty("other")
    OTHER
  }

  /**
   * @throws NullPointerException without a path, kind or time
   * @throws IllegalArgumentException for a negative size
   */
  public FileInfo {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(modified, "modified");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }
}
