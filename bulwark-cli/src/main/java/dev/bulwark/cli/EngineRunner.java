package dev.bulwark.cli;

import dev.bulwark.Cell;
import dev.bulwark.Engine;
import dev.bulwark.Job;
import dev.bulwark.Session;
import dev.bulwark.SessionException;
import dev.bulwark.SessionSpec;
import dev.bulwark.agent.CodeRunner;
import dev.bulwark.agent.CodeSession;
import dev.bulwark.agent.OwnedSessions;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.Limits;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.ValidationReport;
import dev.bulwark.policy.Policy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a model's code on this host's engine under one policy and limits profile, with no tenant and
 * no audit record: for {@code bulwark mcp} and {@code bulwark agent}. Its sessions are its own;
 * {@link #close()} ends those still open.
 */
final class EngineRunner implements CodeRunner, AutoCloseable {
  private final Engine engine;
  private final Policy policy;
  private final Limits limits;
  private final OwnedSessions sessions = new OwnedSessions();

  EngineRunner(Engine engine, Policy policy, Limits limits) {
    this.engine = engine;
    this.policy = policy;
    this.limits = limits;
  }

  @Override
  public List<String> languages() {
    return engine.languages();
  }

  @Override
  public ExecutionResult run(String language, String code, String stdin) {
    return engine.execute(
        new Job(language, code, limits, stdin.getBytes(StandardCharsets.UTF_8), policy));
  }

  @Override
  public ValidationReport validate(String language, String code) {
    return engine.validate(language, code, policy).report(policy.name());
  }

  @Override
  public List<RuntimeDescription> runtimes() {
    return engine.describeRuntimes();
  }

  @Override
  public CodeSession openSession(String language, Duration ttl) {
    SessionSpec spec = SessionSpec.of(language, limits).withPolicy(policy);
    Session opened =
        refusing(() -> engine.openSession(ttl == null ? spec : spec.withIdleTimeout(ttl)));
    return sessions.add(new Local(opened));
  }

  @Override
  public CodeSession session(String id) {
    return sessions.find(id);
  }

  /** Ends the sessions still open. */
  @Override
  public void close() {
    sessions.close();
  }

  /** A session's refusal as one the model reads, with its API code. */
  private static <T> T refusing(Supplier<T> call) {
    try {
      return call.get();
    } catch (SessionException e) {
      throw new CodeRunner.Refused(e.code(), e.getMessage());
    }
  }

  /** An engine's session as a model's tools use it. */
  private record Local(Session session) implements CodeSession {
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
      return refusing(() -> session.run(Cell.of(code).waiting()));
    }

    @Override
    public FileInfo upload(String path, byte[] content) {
      return refusing(() -> session.upload(path, new ByteArrayInputStream(content)));
    }

    @Override
    public FileListing list(String directory) {
      return refusing(() -> session.list(directory));
    }

    @Override
    public byte[] read(String path, int maxBytes) {
      return refusing(
          () -> CodeSession.capped(path, maxBytes, sink -> session.download(path, sink)));
    }

    @Override
    public void close() {
      session.close();
    }
  }
}
