package dev.bulwark.audit;

import dev.bulwark.Status;
import dev.bulwark.tenant.Tenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO anomaly (id, tenant_id, key_id, kind, occurrences, window_seconds,"
                    + " raised_at, throttled_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, a.id());
      s.setString(2, tenant.id());
      s.setString(3, keyId);
      s.setString(4, kind);
      s.setInt(5, count);
      s.setLong(6, a.windowSeconds());
      s.setString(7, a.raisedAt());
      s.setString(8, until);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the anomaly: " + e.getMessage(), e);
    }
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
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT a.*, t.name AS tenant FROM anomaly a JOIN tenant t ON t.id = a.tenant_id"
                    + " WHERE a.tenant_id = ? AND a.raised_at >= ? ORDER BY a.raised_at LIMIT ?")) {
      s.setString(1, tenantId);
      s.setString(2, since == null ? "" : since);
      s.setInt(3, limit);
      List<Anomaly> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
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
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read anomalies: " + e.getMessage(), e);
    }
  }

  private void loadThrottles() {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT key_id, MAX(throttled_until) FROM anomaly WHERE throttled_until > ?"
                    + " GROUP BY key_id")) {
      s.setString(1, AuditLog.stamp(clock.instant()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          throttled.put(r.getString(1), Instant.parse(r.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read throttled keys: " + e.getMessage(), e);
    }
  }
}
