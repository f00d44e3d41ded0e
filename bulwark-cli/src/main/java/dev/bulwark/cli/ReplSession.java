package dev.bulwark.cli;

import dev.bulwark.model.ExecutionResult;

/**
 * The one session a {@code bulwark repl} works in, for its whole life: on an engine in this
 * process, or on a server. {@link #interrupt()} may be called from any thread while {@link #run}
 * blocks; {@link #close()} ends the session (its sandbox destroyed) and what it was opened on.
 */
sealed interface ReplSession extends AutoCloseable permits LocalRepl, RemoteRepl {
  /** Its id, as the engine or the server names it. */
  String id();

  /** Its language's runtime name ({@code python}...). */
  String language();

  /** Runs a cell, streaming its output to {@code output}; blocks until its result. */
  ExecutionResult run(String code, StreamedOutput output);

  /** Stops the running cell, as Ctrl-C would; the session survives. */
  void interrupt();

  /** Each stream's output limit of a cell, in bytes. */
  long outputLimit();

  @Override
  void close();
}
