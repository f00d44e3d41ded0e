package dev.bulwark.api;

import dev.bulwark.Cell;
import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.Session;
import dev.bulwark.SessionException;
import dev.bulwark.SessionSpec;
import dev.bulwark.agent.CodeRunner;
import dev.bulwark.agent.CodeSession;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.Limits;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.ValidationReport;
import dev.bulwark.policy.Policy;
import dev.bulwark.tenant.ApiKeys;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A model's code run as one caller (agent runs, MCP): under the caller's policy and limits,
 * admitted and audited as any execution of the API. A refusal of the server (a quota, a full
 * machine) is one the model can read. Its sessions are the tenant's, as {@code /v1/sessions} has
 * them: within the tenant's caps, each cell admitted and audited, and another tenant's id unknown.
 */
final class TenantRunner implements CodeRunner {
  private final Executions executions;
  private final Sessions sessions;
  private final ApiKeys.Caller caller;
  private final String client;
  private final Policy policy;
  private final Limits limits;

  TenantRunner(
      Executions executions,
      Sessions sessions,
      ApiKeys.Caller caller,
      String client,
      Policy policy,
      Limits limits) {
    this.executions = executions;
    this.sessions = sessions;
    this.caller = caller;
    this.client = client;
    this.policy = policy;
    this.limits = limits;
  }

  @Override
  public List<String> languages() {
    return executions.languages();
  }

  @Override
  public ExecutionResult run(String language, String code, String stdin) {
    executions.requireLanguage(language);
    Job request =
        new Job(language, code, limits, stdin.getBytes(StandardCharsets.UTF_8), policy)
            .withIsolation(caller.tenant().tier());
    return refusing(() -> executions.run(caller, client, request));
  }

  @Override
  public ValidationReport validate(String language, String code) {
    executions.requireLanguage(language);
    return refusing(() -> executions.validate(caller, language, code, policy));
  }

  @Override
  public List<RuntimeDescription> runtimes() {
    return executions.runtimes();
  }

  /**
   * @throws IllegalArgumentException for an unknown language or a ttl outside the server's range
   */
  @Override
  public CodeSession openSession(String language, Duration ttl) {
    executions.requireLanguage(language);
    SessionSettings settings = sessions.settings();
    Isolation tier = caller.tenant().tier();
    SessionSpec spec =
        new SessionSpec(
            language,
            limits,
            policy,
            List.of(),
            tier == null ? null : tier.tierName(),
            null,
            settings.ttl(ttl),
            settings.maxLifetime());
    return new TenantSession(refusing(() -> sessions.open(caller, client, spec)));
  }

  @Override
  public CodeSession session(String id) {
    return new TenantSession(refusing(() -> sessions.find(caller, id)));
  }

  /** A refusal of the server or of a session as one the model reads, with its API code. */
  private static <T> T refusing(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiError e) {
      throw new Refused(e.code(), e.getMessage());
    } catch (SessionException e) {
      throw new Refused(e.code(), e.getMessage());
    }
  }

  /** One of the tenant's sessions: cells as {@code /v1/sessions/{id}/executions} runs them. */
  private final class TenantSession implements CodeSession {
    private final Session session;

    TenantSession(Session session) {
      this.session = session;
    }

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
      return refusing(
          () -> executions.cell(caller, client, session, Cell.of(code).waiting(), null));
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

    /** Ends it as {@code DELETE /v1/sessions/{id}} does, its end recorded. */
    @Override
    public void close() {
      try {
        sessions.delete(caller, session.id());
      } catch (ApiError e) { // closed already, and forgotten: nothing is left to end
        session.close();
      }
    }
  }
}
