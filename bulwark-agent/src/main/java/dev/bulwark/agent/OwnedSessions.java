package dev.bulwark.agent;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions one caller opened, by id, for a {@link CodeRunner} that serves a single caller (this
 * host's engine, a server's client): an id it did not open is {@code session_not_found}, a session
 * closed is forgotten, and {@link #close()} ends those left when the caller goes (an MCP client
 * that hangs up). Thread-safe.
 */
public final class OwnedSessions implements AutoCloseable {
  private final Map<String, CodeSession> byId = new ConcurrentHashMap<>();

  /** Keeps a session just opened; the one returned forgets it when closed. */
  public CodeSession add(CodeSession session) {
    CodeSession owned = new Owned(session, this);
    byId.put(session.id(), owned);
    return owned;
  }

  /**
   * @throws CodeRunner.Refused {@code session_not_found} for an id this caller did not open, or
   *     closed
   */
  public CodeSession find(String id) {
    CodeSession s = byId.get(id);
    if (s == null) {
      throw new CodeRunner.Refused("session_not_found", "no session " + id + " of this caller");
    }
    return s;
  }

  /** Ends every session still open. */
  @Override
  public void close() {
    List.copyOf(byId.values()).forEach(CodeSession::close);
  }

  private record Owned(CodeSession session, OwnedSessions owner) implements CodeSession {
    @Override
    public String id() {
      return session.id();
    }

    @Override
    public String language() {
      return session.language();
    }

    @Override
    public ExecutionResult run(String code) {
      return session.run(code);
    }

    @Override
    public FileInfo upload(String path, byte[] content) {
      return session.upload(path, content);
    }

    @Override
    public FileListing list(String directory) {
      return session.list(directory);
    }

    @Override
    public byte[] read(String path, int maxBytes) {
      return session.read(path, maxBytes);
    }

    @Override
    public void close() {
      owner.byId.remove(session.id());
      session.close();
    }
  }
}
