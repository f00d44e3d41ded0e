package dev.bulwark.tenant;

import dev.bulwark.Profiles;
import dev.bulwark.policy.Policies;
import dev.bulwark.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The tenants of a store. Every method is one transaction; bad input is IllegalArgumentException.
 */
public final class Tenants {
  private static final String NAME = "[a-z0-9][a-z0-9_-]{0,62}";
  private final DataSource db;

  public Tenants(DataSource db) {
    this.db = db;
  }

  /**
   * Creates a tenant.
   *
   * @param retainContent whether the audit log keeps its executions' code and output
   * @param anomalyThrottleSeconds how long a key that raised an anomaly is refused; 0: never
   * @throws IllegalArgumentException for a bad or taken name, an unknown policy or profile, or a
   *     cap below 1
   */
  public Tenant create(
      String name,
      String policy,
      String maxProfile,
      int concurrency,
      int ratePerMinute,
      boolean retainContent,
      int anomalyThrottleSeconds) {
    if (name == null || !name.matches(NAME)) {
      throw new IllegalArgumentException(
          "a tenant name is 1-63 lower-case letters, digits, _ or -, starting with a letter or digit");
    }
    Policies.resolve(policy); // refuses an unknown policy, naming it
    if (!Profiles.all().containsKey(maxProfile)) {
      throw new IllegalArgumentException(
          "unknown profile '" + maxProfile + "': profiles are " + Profiles.all().keySet());
    }
    if (concurrency < 1 || ratePerMinute < 1) {
      throw new IllegalArgumentException("concurrency and rate must be at least 1");
    }
    if (anomalyThrottleSeconds < 0) {
      throw new IllegalArgumentException("the anomaly throttle cannot be negative");
    }
    if (find(name).isPresent()) {
      throw new IllegalArgumentException("a tenant named '" + name + "' exists already");
    }
    Tenant t =
        new Tenant(
            UUID.randomUUID().toString(),
            name,
            policy,
            maxProfile,
            concurrency,
            ratePerMinute,
            retainContent,
            anomalyThrottleSeconds,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    Sql.update(
        db,
        "tenant " + name,
        "INSERT INTO tenant (id, name, policy, max_profile, concurrency, rate_per_min,"
            + " retain_content, anomaly_throttle_seconds, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(),
        t.name(),
        t.policy(),
        t.maxProfile(),
        t.concurrency(),
        t.ratePerMinute(),
        t.retainContent() ? 1 : 0,
        t.anomalyThrottleSeconds(),
        t.createdAt());
    return t;
  }

  /** Every tenant, by name. */
  public List<Tenant> list() {
    return query("SELECT * FROM tenant ORDER BY name", null);
  }

  /** The tenant with this name. */
  public Optional<Tenant> find(String name) {
    return query("SELECT * FROM tenant WHERE name = ?", name).stream().findFirst();
  }

  /** The tenant with this id. */
  public Optional<Tenant> byId(String id) {
    return query("SELECT * FROM tenant WHERE id = ?", id).stream().findFirst();
  }

  private List<Tenant> query(String sql, String arg) {
    return Sql.select(db, "tenants", sql, arg == null ? List.of() : List.of(arg), Tenants::read);
  }

  /** The tenant in the current row, whose columns include {@code tenant}'s. */
  static Tenant read(ResultSet r) throws SQLException {
    return new Tenant(
        r.getString("id"),
        r.getString("name"),
        r.getString("policy"),
        r.getString("max_profile"),
        r.getInt("concurrency"),
        r.getInt("rate_per_min"),
        r.getBoolean("retain_content"),
        r.getInt("anomaly_throttle_seconds"),
        r.getString("created_at"));
  }
}
