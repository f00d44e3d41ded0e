package dev.bulwark.audit;

import dev.bulwark.agent.Agent;
import dev.bulwark.model.Json;
import dev.bulwark.store.Hashing;
import dev.bulwark.store.Sql;
import dev.bulwark.tenant.Tenant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/**
 * Every agent run's transcript, next to the audit records of its executions: {@link #started}
 * before the first model call, {@link #finished} at the end. Steps always keep their status,
 * redactions and execution id; the task, the answer, and each step's code and observation only when
 * the tenant retains content (else their SHA-256).
 */
public final class AgentRunLog {
  /** What {@link #markInterrupted} writes as the end. */
  public static final String INTERRUPTED = "INTERRUPTED";

  private final DataSource db;

  public AgentRunLog(DataSource db) {
    this.db = db;
  }

  /** A run as the log keeps it; fields after {@code startedAt} are null while it runs. */
  public record Record(
      String id,
      String tenant,
      String keyId,
      String client,
      String provider,
      String model,
      String taskSha256,
      String task,
      String startedAt,
      String finishedAt,
      String end,
      String answer,
      JsonNode steps,
      Long tokens,
      Long elapsedMs) {}

  /** A run about to start. */
  public record Started(
      String id,
      Tenant tenant,
      String keyId,
      String client,
      String provider,
      String model,
      String task) {}

  public void started(Started s) {
    update(
        "INSERT INTO agent_run (id, tenant_id, key_id, client, provider, model, task_sha256, task,"
            + " started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s.id(),
        s.tenant().id(),
        s.keyId(),
        s.client(),
        s.provider(),
        s.model(),
        Hashing.sha256Hex(s.task()),
        s.tenant().retainContent() ? s.task() : null,
        AuditLog.stamp(Instant.now()));
  }

  public void finished(String id, Agent.Result r, boolean retainContent) {
    update(
        "UPDATE agent_run SET finished_at = ?, end_reason = ?, answer = ?, steps = ?, tokens = ?,"
            + " elapsed_ms = ? WHERE id = ?",
        AuditLog.stamp(Instant.now()),
        r.end().name(),
        retainContent ? r.answer() : null,
        Json.write(r.steps().stream().map(s -> step(s, retainContent)).toList()),
        r.tokens(),
        r.elapsed().toMillis(),
        id);
  }

  /** Ends a run that failed in the server itself, with no result to keep. */
  public void failed(String id) {
    update(
        "UPDATE agent_run SET end_reason = 'SERVER_ERROR', finished_at = ? WHERE id = ?",
        AuditLog.stamp(Instant.now()),
        id);
  }

  /** Ends every run a dead server left going as {@value #INTERRUPTED}; returns how many. */
  public int markInterrupted() {
    return update(
        "UPDATE agent_run SET end_reason = ?, finished_at = ? WHERE end_reason IS NULL",
        INTERRUPTED,
        AuditLog.stamp(Instant.now()));
  }

  /** One run of one tenant: another tenant's id is as absent as an unknown one. */
  public Optional<Record> find(String tenantId, String id) {
    return Sql.select(
            db,
            "the agent runs",
            "SELECT a.*, t.name AS tenant FROM agent_run a JOIN tenant t ON t.id = a.tenant_id"
                + " WHERE a.id = ? AND a.tenant_id = ?",
            List.of(id, tenantId),
            r ->
                new Record(
                    r.getString("id"),
                    r.getString("tenant"),
                    r.getString("key_id"),
                    r.getString("client"),
                    r.getString("provider"),
                    r.getString("model"),
                    r.getString("task_sha256"),
                    r.getString("task"),
                    r.getString("started_at"),
                    r.getString("finished_at"),
                    r.getString("end_reason"),
                    r.getString("answer"),
                    Sql.json(r, "steps"),
                    Sql.number(r, "tokens"),
                    Sql.number(r, "elapsed_ms")))
        .stream()
        .findFirst();
  }

  private static Map<String, Object> step(Agent.Step s, boolean retainContent) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", s.number());
    m.put("language", s.language());
    m.put("codeSha256", Hashing.sha256Hex(s.code()));
    if (retainContent) {
      m.put("code", s.code());
      m.put("observation", s.observation());
    }
    m.put("status", s.status());
    m.put("executionId", s.executionId());
    m.put("redactions", s.redactions());
    return m;
  }

  private int update(String sql, Object... args) {
    return Sql.update(db, "the agent runs", sql, args);
  }
}
