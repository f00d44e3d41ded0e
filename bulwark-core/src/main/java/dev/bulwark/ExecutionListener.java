package dev.bulwark;

import dev.bulwark.model.Finding;
import java.util.List;

/**
 * Hears an execution as it happens, for streaming clients. Called from the engine's own threads,
 * stdout and stderr from different ones: implementations must be thread-safe and quick (a slow
 * listener slows the program's output, never the limits, which the host enforces apart).
 */
public interface ExecutionListener {
  /** Hears nothing. */
  ExecutionListener NONE = new ExecutionListener() {};

  /** The program's output streams. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /** The validation layer's findings, before the program runs (not called when it is denied). */
  default void findings(List<Finding> findings) {}

  /**
   * Output as it arrives, up to the output limit of each stream; what comes later is only in the
   * result's tail. Chunks may split a UTF-8 character.
   */
  default void output(Stream stream, byte[] chunk) {}
}
