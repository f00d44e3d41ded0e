package dev.bulwark;

import java.time.Duration;
import java.util.Objects;

/**
 * One piece of code a {@link Session} runs. Immutable.
 *
 * @param code the source, UTF-8; Python shows the value of a final expression (unless the cell ends
 *     with {@code ;}), JavaScript the value of its last statement, both as an {@code
 *     execute_result} output
 * @param timeout the cell's wall clock; null for the session's ({@link SessionSpec#limits()})
 * @param waitIfBusy wait for a running cell to end instead of refusing with {@link
 *     SessionBusyException}
 */
public record Cell(String code, Duration timeout, boolean waitIfBusy) {
  /**
   * @throws NullPointerException without code
   * @throws IllegalArgumentException for a timeout under 10 ms
   */
  public Cell {
    Objects.requireNonNull(code, "code");
    if (timeout != null && timeout.toMillis() < 10) {
      throw new IllegalArgumentException("timeout must be at least 10ms, was " + timeout);
    }
  }

  /** The code under the session's wall clock, refused while another cell runs. */
  public static Cell of(String code) {
    return new Cell(code, null, false);
  }

  public Cell withTimeout(Duration value) {
    return new Cell(code, value, waitIfBusy);
  }

  /** The same cell, waiting for a running cell to end instead of being refused. */
  public Cell waiting() {
    return new Cell(code, timeout, true);
  }
}
