package dev.bulwark.cli;

import dev.bulwark.Cell;
import dev.bulwark.Engine;
import dev.bulwark.Session;
import dev.bulwark.model.ExecutionResult;

/** A session of an engine this process started, closed with it. */
record LocalRepl(Engine engine, Session session) implements ReplSession {
  @Override
  public String id() {
    return session.id();
  }

  @Override
  public String language() {
    return session.language();
  }

  @Override
  public ExecutionResult run(String code, StreamedOutput output) {
    return session.run(Cell.of(code), output);
  }

  @Override
  public void interrupt() {
    session.interrupt();
  }

  @Override
  public long outputLimit() {
    return session.spec().limits().outputBytes();
  }

  @Override
  public void close() {
    try {
      session.close();
    } finally {
      engine.close();
    }
  }
}
