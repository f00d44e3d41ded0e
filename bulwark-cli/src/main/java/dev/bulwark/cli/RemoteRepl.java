package dev.bulwark.cli;

import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.Session;
import dev.bulwark.model.ExecutionResult;

/** A session of a server, ended there on close. */
record RemoteRepl(BulwarkClient client, Session session, String language, long outputLimit)
    implements ReplSession {
  @Override
  public String id() {
    return session.id();
  }

  @Override
  public ExecutionResult run(String code, StreamedOutput output) {
    return session.run(code, null, true, output);
  }

  @Override
  public void interrupt() {
    session.interrupt();
  }

  @Override
  public void close() {
    try {
      session.close();
    } finally {
      client.close();
    }
  }
}
