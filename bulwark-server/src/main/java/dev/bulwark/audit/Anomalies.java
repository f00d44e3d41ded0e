package dev.bulwark.audit;

import dev.bulwark.model.Status;
import dev.bulwark.store.Sql;
import dev.bulwark.tenant.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Keys probing the walls: {@value #THRESHOLD} policy denials, as many limit hits, or as many
 * connections the egress proxy refused, by one key within {@link #WINDOW} raise an anomaly,
 * recorded in the store. A tenant may have such a key refused for a while ({@link
 * Tenant#anomalyThrottleSeconds()}); the refusal survives a restart.
 */
public final class Anomalies {
  public static final int THRESHOLD = 5;
  public static final Duration WINDOW = Duration.ofSeconds(60);

  private static final Set<Status> LIMIT_HITS =
      Set.of(
          Status.TIMEOUT,
          Status.CPU_LIMIT,
          Status.OOM,
          Status.PIDS_LIMIT,
          Status.OUTPUT_LIMIT,
          Status.FILE_LIMIT);

  /** An anomaly as recorded; {@code throttledUntil} null when the tenant does not throttle. */
  public record Anomaly(
      String id,
      String tenant,
      String keyId,
      String kind,
      int occurrences,
      long windowSeconds,
      String raisedAt,
      String throttledUntil) {}

  private final DataSource db;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
  private final Map<String, Instant> throttled = new ConcurrentHashMap<>();

  public Anomalies(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
    loadThrottles();
  }

  /** Notes how an execution of this key ended; returns the anomaly it completed, if any. */
  public Optional<Anomaly> observe(Tenant tenant, String keyId, Status status) {
    return observe(tenant, keyId, status, 0);
  }

  /**
   * Notes how an execution of this key ended and how many connections the egress proxy refused it
   * (each one counts, as a probe of the network walls); returns the anomaly it completed.
   */
  public Optional<Anomaly> observe(
      Tenant tenant, String keyId, Status status, long networkDenials) {
    Optional<Anomaly> raised = Optional.empty();
    for (long i = 0; i < Math.min(networkDenials, THRESHOLD) && raised.isEmpty(); i++) {
      raised = note(tenant, keyId, "network_denials");
    }
    String kind =
        status == Status.POLICY_DENIED
            ? "policy_denials"
            : LIMIT_HITS.contains(status) ? "limit_hits" : null;
    if (kind == null || raised.isPresent()) {
      return raised;
    }
    return note(tenant, keyId, kind);
  }

  private Optional<Anomaly> note(Tenant tenant, String keyId, String kind) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(keyId + "/" + kind, k -> new ArrayDeque<>());
    int count;
    synchronized (times) {
      times.addLast(now);
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
        times.removeFirst();
      }
      count = times.size();
      if (count < THRESHOLD) {
        return Optional.empty();
      }
      times.clear(); // the next anomaly needs as many again
    }
    String until =
        tenant.anomalyThrottleSeconds() > 0
            ? AuditLog.stamp(now.plusSeconds(tenant.anomalyThrottleSeconds()))
            : null;
    Anomaly a =
        new Anomaly(
            UUID.randomUUID().toString(),
            tenant.name(),
            keyId,
            kind,
            count,
            WINDOW.toSeconds(),
            AuditLog.stamp(now),
            until);
    Sql.update(
        db,
        "the anomaly",
        "INSERT INTO anomaly (id, tenant_id, key_id, kind, occurrences, window_seconds, raised_at,"
            + " throttled_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(),
        tenant.id(),
        keyId,
        kind,
        count,
        a.windowSeconds(),
        a.raisedAt(),
        until);
    if (until != null) {
      throttled.put(keyId, now.plusSeconds(tenant.anomalyThrottleSeconds()));
    }
    return Optional.of(a);
  }

  /** Until when this key is refused, when it is. */
  public Optional<Instant> throttledUntil(String keyId) {
    Instant until = throttled.get(keyId);
    if (until == null || !until.isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(until);
  }

  /** A tenant's anomalies, oldest first, raised at or after {@code since} (null: all). */
  public List<Anomaly> list(String tenantId, String since, int limit) {
    return Sql.select(
        db,
        "anomalies",
        "SELECT a.*, t.name AS tenant FROM anomaly a JOIN tenant t ON t.id = a.tenant_id"
            + " WHERE a.tenant_id = ? AND a.raised_at >= ? ORDER BY a.raised_at LIMIT ?",
        List.of(tenantId, since == null ? "" : since, limit),
        r ->
            new Anomaly(
                r.getString("id"),
                r.getString("tenant"),
                r.getString("key_id"),
                r.getString("kind"),
                r.getInt("occurrences"),
                r.getLong("window_seconds"),
                r.getString("raised_at"),
                r.getString("throttled_until")));
  }

  private void loadThrottles() {
    Sql.select(
            db,
            "throttled keys",
            "SELECT key_id, MAX(throttled_until) AS until FROM anomaly WHERE throttled_until > ?"
                + " GROUP BY key_id",
            List.of(AuditLog.stamp(clock.instant())),
            r -> Map.entry(r.getString("key_id"), Instant.parse(r.getString("until"))))
        .forEach(e -> throttled.put(e.getKey(), e.getValue()));
  }
}
