package dev.bulwark.audit;

import dev.bulwark.model.Json;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Limits;
import dev.bulwark.store.Sql;
import dev.bulwark.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every session's record: {@link #started} once it has opened, {@link #ended} when it ends. Its
 * cells are execution records ({@link AuditLog}) that name it. A server that starts calls {@link
 * #markInterrupted}: sessions never outlive their server, so none is left without an end.
 */
public final class SessionLog {
  /** The cause {@link #markInterrupted} writes. */
  public static final String SERVER_STOPPED = "SERVER_STOPPED";

  private final DataSource db;

  public SessionLog(DataSource db) {
    this.db = db;
  }

  /** A session that has opened. */
  public record Started(
      String id,
      Tenant tenant,
      String keyId,
      String client,
      String language,
      String runtimeVersion,
      String policy,
      Limits limits) {}

  public void started(Started s) {
    update(
        "INSERT INTO session (id, tenant_id, key_id, client, language, runtime_version, policy,"
            + " limits, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s.id(),
        s.tenant().id(),
        s.keyId(),
        s.client(),
        s.language(),
        s.runtimeVersion(),
        s.policy(),
        Json.write(LimitOverrides.of(s.limits())),
        AuditLog.stamp(Instant.now()));
  }

  /** Completes a session's record: why it ended and how many cells it was given. */
  public void ended(String id, String cause, String reason, Instant at, int cells) {
    update(
        "UPDATE session SET ended_at = ?, end_cause = ?, end_reason = ?, cells = ? WHERE id = ?"
            + " AND end_cause IS NULL",
        AuditLog.stamp(at),
        cause,
        reason,
        cells,
        id);
  }

  /** Ends every record a stopped server left open; returns how many. */
  public int markInterrupted() {
    return update(
        "UPDATE session SET ended_at = ?, end_cause = ?, end_reason = ? WHERE end_cause IS NULL",
        AuditLog.stamp(Instant.now()),
        SERVER_STOPPED,
        "the server stopped; sessions do not outlive it");
  }

  /** The end cause of a session of this tenant, empty while it lives or when unknown. */
  public Optional<String> endCause(String tenantId, String id) {
    return Sql.select(
            db,
            "the session log",
            "SELECT end_cause FROM session WHERE id = ? AND tenant_id = ?",
            List.of(id, tenantId),
            r -> Objects.requireNonNullElse(r.getString("end_cause"), ""))
        .stream()
        .filter(c -> !c.isEmpty())
        .findFirst();
  }

  private int update(String sql, Object... args) {
    return Sql.update(db, "the session log", sql, args);
  }
}
