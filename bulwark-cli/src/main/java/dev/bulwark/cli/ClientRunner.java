package dev.bulwark.cli;

import dev.bulwark.agent.CodeRunner;
import dev.bulwark.agent.CodeSession;
import dev.bulwark.agent.OwnedSessions;
import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.BulwarkException;
import dev.bulwark.client.Session;
import dev.bulwark.client.SessionOptions;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.ValidationReport;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a model's code on a Bulwark server, as the key's tenant: its policy and limits, each run
 * admitted and audited there. A refusal of the server (a quota, a full machine) is one the model
 * can read. For {@code bulwark agent --server}. Its sessions are the tenant's on the server, and
 * this runner finds only those it opened; {@link #close()} ends those still open.
 */
final class ClientRunner implements CodeRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClientRunner.class);

  private final BulwarkClient client;
  private final String policy;
  private final String profile;
  private final List<String> languages;
  private final OwnedSessions sessions = new OwnedSessions();

  /**
   * @param policy a built-in policy that tightens the tenant's, or null for the tenant's own
   * @param profile a limits profile within the tenant's maximum, or null for that maximum
   * @throws BulwarkException when the server cannot be reached or refuses the key
   */
  ClientRunner(BulwarkClient client, String policy, String profile) {
    this.client = client;
    this.policy = policy;
    this.profile = profile;
    this.languages = client.runtimes().stream().map(RuntimeDescription::name).toList();
  }

  @Override
  public List<String> languages() {
    return languages;
  }

  @Override
  public ExecutionResult run(String language, String code, String stdin) {
    ExecutionRequest request =
        ExecutionRequest.of(language, code)
            .withStdin(stdin)
            .withPolicy(policy)
            .withProfile(profile);
    return refusing(() -> client.execute(request));
  }

  @Override
  public ValidationReport validate(String language, String code) {
    return refusing(() -> client.validate(language, code, policy));
  }

  @Override
  public List<RuntimeDescription> runtimes() {
    return client.runtimes();
  }

  @Override
  public CodeSession openSession(String language, Duration ttl) {
    SessionOptions options = SessionOptions.of(language).withPolicy(policy).withProfile(profile);
    SessionOptions asked = ttl == null ? options : options.withTtl(ttl);
    return sessions.add(new Remote(refusing(() -> client.openSession(asked)), language));
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

  /** A field the model got wrong is its argument's fault; anything else a refusal it reads. */
  private static <T> T refusing(Supplier<T> call) {
    try {
      return call.get();
    } catch (BulwarkException e) {
      throw e.status() == 400
          ? new IllegalArgumentException(e.getMessage(), e)
          : new CodeRunner.Refused(e.code(), e.getMessage());
    }
  }

  /** A server's session as a model's tools use it. */
  private record Remote(Session session, String language) implements CodeSession {
    @Override
    public String id() {
      return session.id();
    }

    @Override
    public ExecutionResult run(String code) {
      return refusing(() -> session.run(code, null, true));
    }

    @Override
    public FileInfo upload(String path, byte[] content) {
      return refusing(() -> session.upload(path, content));
    }

    @Override
    public FileListing list(String directory) {
      return refusing(() -> session.files(directory));
    }

    @Override
    public byte[] read(String path, int maxBytes) {
      return refusing(
          () -> CodeSession.capped(path, maxBytes, sink -> session.download(path, sink)));
    }

    @Override
    public void close() {
      try {
        session.close();
      } catch (BulwarkException e) { // it ends on the server at its ttl anyway
        LOG.warn("cannot end session {} on the server: {}", session.id(), e.getMessage());
      }
    }
  }
}
