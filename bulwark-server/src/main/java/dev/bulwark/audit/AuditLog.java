package dev.bulwark.audit;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Json;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Limits;
import dev.bulwark.store.Hashing;
import dev.bulwark.store.Sql;
import dev.bulwark.tenant.Tenant;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every execution's record: {@link #accepted} before it runs, {@link #finished} after. A server
 * that starts calls {@link #markInterrupted}, so no accepted execution is ever left without a
 * terminal status, even after {@code kill -9}.
 */
public final class AuditLog {
  /** What {@link #markInterrupted} writes; the status is the engine's fault, never the user's. */
  public static final String INTERRUPTED = "interrupted: the server stopped before the run ended";

  /** Timestamps are stored at one fixed precision, so that they sort as text. */
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final DataSource db;

  public AuditLog(DataSource db) {
    this.db = db;
  }

  /**
   * An ISO-8601 instant given by a caller ({@code --since}, {@code ?since=}), as the log stores it.
   *
   * @throws IllegalArgumentException when it is not an instant
   */
  public static String stampOf(String iso) {
    try {
      return stamp(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("an ISO-8601 instant such as 2026-12-01T00:00:00Z", e);
    }
  }

  /** An instant as the log stores and compares it: {@code 2026-12-02T05:22:20.103Z}. */
  public static String stamp(Instant instant) {
    return STAMP.format(instant);
  }

  /**
   * An execution about to run.
   *
   * @param queueMs how long it waited for one of the machine's slots
   * @param sessionId the session it is a cell of, or null for a one-shot execution
   */
  public record Accepted(
      String id,
      Tenant tenant,
      String keyId,
      String client,
      String language,
      String runtimeVersion,
      String code,
      String policy,
      Limits limits,
      long queueMs,
      String sessionId) {
    /** A one-shot execution. */
    public Accepted(
        String id,
        Tenant tenant,
        String keyId,
        String client,
        String language,
        String runtimeVersion,
        String code,
        String policy,
        Limits limits,
        long queueMs) {
      this(
          id, tenant, keyId, client, language, runtimeVersion, code, policy, limits, queueMs, null);
    }
  }

  /**
   * Filters of {@link #list}; null fields do not filter. {@code finishedAfter} keeps records that
   * ended after that instant, in the order they ended (for following the log).
   */
  public record Query(
      String tenantId, String since, String status, String keyId, String finishedAfter, int limit) {
    public Query(String tenantId, String since, String status, String keyId, int limit) {
      this(tenantId, since, status, keyId, null, limit);
    }
  }

  public void accepted(Accepted a) {
    update(
        "INSERT INTO execution (id, tenant_id, key_id, client, language, runtime_version,"
            + " code_sha256, policy, limits, accepted_at, queue_ms, code, session_id) VALUES (?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(),
        a.tenant().id(),
        a.keyId(),
        a.client(),
        a.language(),
        a.runtimeVersion(),
        Hashing.sha256Hex(a.code()),
        a.policy(),
        Json.write(LimitOverrides.of(a.limits())), // as people write them: 30s, 2g
        stamp(Instant.now()),
        a.queueMs(),
        a.tenant().retainContent() ? a.code() : null,
        a.sessionId());
  }

  public void finished(String id, ExecutionResult r, boolean retainContent) {
    update(
        "UPDATE execution SET finished_at = ?, status = ?, reason = ?, exit_code = ?, wall_ms = ?,"
            + " cpu_ms = ?, peak_memory_bytes = ?, findings = ?, network = ?, result = ? WHERE id = ?",
        stamp(Instant.now()),
        r.status().name(),
        r.reason(),
        r.exitCode(),
        r.wallMs(),
        r.cpuMs(),
        r.peakMemoryBytes(),
        Json.write(r.findings()),
        Json.write(r.network()),
        retainContent ? Json.write(r) : null,
        id);
  }

  /** Ends every record a dead server left running as SANDBOX_ERROR; returns how many. */
  public int markInterrupted() {
    return update(
        "UPDATE execution SET status = 'SANDBOX_ERROR', reason = ?, finished_at = ?"
            + " WHERE status IS NULL",
        INTERRUPTED,
        stamp(Instant.now()));
  }

  /** One record of one tenant: another tenant's id is as absent as an unknown one. */
  public Optional<AuditRecord> find(String tenantId, String id) {
    return select(
            "SELECT e.*, t.name AS tenant FROM execution e JOIN tenant t ON t.id = e.tenant_id"
                + " WHERE e.id = ? AND e.tenant_id = ?",
            List.of(id, tenantId))
        .stream()
        .findFirst();
  }

  /** Records, oldest first, accepted at or after {@code since}; see {@link Query}. */
  public List<AuditRecord> list(Query q) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT e.*, t.name AS tenant FROM execution e JOIN tenant t ON t.id = e.tenant_id"
                + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.tenantId() != null) {
      sql.append(" AND e.tenant_id = ?");
      args.add(q.tenantId());
    }
    if (q.since() != null) {
      sql.append(" AND e.accepted_at >= ?");
      args.add(q.since());
    }
    if (q.status() != null) {
      sql.append(" AND e.status = ?");
      args.add(q.status());
    }
    if (q.keyId() != null) {
      sql.append(" AND e.key_id = ?");
      args.add(q.keyId());
    }
    if (q.finishedAfter() != null) {
      sql.append(" AND e.finished_at > ? ORDER BY e.finished_at, e.id LIMIT ?");
      args.add(q.finishedAfter());
    } else {
      sql.append(" ORDER BY e.accepted_at, e.id LIMIT ?");
    }
    args.add(q.limit());
    return select(sql.toString(), args);
  }

  private List<AuditRecord> select(String sql, List<Object> args) {
    return Sql.select(
        db,
        "the audit log",
        sql,
        args,
        r ->
            new AuditRecord(
                r.getString("id"),
                r.getString("tenant"),
                r.getString("key_id"),
                r.getString("client"),
                r.getString("language"),
                r.getString("runtime_version"),
                r.getString("code_sha256"),
                r.getString("policy"),
                Sql.json(r, "limits"),
                r.getString("accepted_at"),
                Sql.number(r, "queue_ms"),
                r.getString("finished_at"),
                r.getString("status"),
                r.getString("reason"),
                r.getObject("exit_code") instanceof Number n ? n.intValue() : null,
                Sql.number(r, "wall_ms"),
                Sql.number(r, "cpu_ms"),
                Sql.number(r, "peak_memory_bytes"),
                Sql.json(r, "findings"),
                Sql.json(r, "network"),
                r.getString("code"),
                Sql.json(r, "result"),
                r.getString("session_id")));
  }

  private int update(String sql, Object... args) {
    return Sql.update(db, "the audit log", sql, args);
  }
}
