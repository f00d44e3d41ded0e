package dev.bulwark.tenant;

import dev.bulwark.Isolation;
import dev.bulwark.Profiles;
import dev.bulwark.policy.Policies;
import dev.bulwark.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
    return create(
        name,
        policy,
        maxProfile,
        Isolation.BUBBLEWRAP.tierName(),
        concurrency,
        ratePerMinute,
        retainContent,
        anomalyThrottleSeconds);
  }

  /**
   * Creates a tenant whose programs run in {@code isolation} or a stronger tier.
   *
   * @throws IllegalArgumentException as {@link #create(String, String, String, int, int, boolean,
   *     int)} does, and for an unknown tier
   */
  public Tenant create(
      String name,
      String policy,
      String maxProfile,
      String isolation,
      int concurrency,
      int ratePerMinute,
      boolean retainContent,
      int anomalyThrottleSeconds) {
    if (name == null || !name.matches(NAME)) {
      throw new IllegalArgumentException(
          "a tenant name is 1-63 lower-case letters, digits, _ or -, starting with a letter or digit");
    }
    String tier = Isolation.named(isolation).tierName();
    check(policy, maxProfile, concurrency, ratePerMinute, anomalyThrottleSeconds);
    if (find(name).isPresent()) {
      throw new IllegalArgumentException("a tenant named '" + name + "' exists already");
    }
    Tenant t =
        new Tenant(
            UUID.randomUUID().toString(),
            name,
            policy,
            maxProfile,
            tier,
            concurrency,
            ratePerMinute,
            retainContent,
            anomalyThrottleSeconds,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    Sql.update(
        db,
        "tenant " + name,
        "INSERT INTO tenant (id, name, policy, max_profile, isolation, concurrency, rate_per_min,"
            + " retain_content, anomaly_throttle_seconds, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(),
        t.name(),
        t.policy(),
        t.maxProfile(),
        t.isolation(),
        t.concurrency(),
        t.ratePerMinute(),
        t.retainContent() ? 1 : 0,
        t.anomalyThrottleSeconds(),
        t.createdAt());
    return t;
  }

  /** What a tenant's settings become: each null keeps its value. */
  public record Changes(
      String policy,
      String maxProfile,
      String isolation,
      Integer concurrency,
      Integer ratePerMinute,
      Boolean retainContent,
      Integer anomalyThrottleSeconds) {
    /** True when nothing changes. */
    public boolean isEmpty() {
      return policy == null
          && maxProfile == null
          && isolation == null
          && concurrency == null
          && ratePerMinute == null
          && retainContent == null
          && anomalyThrottleSeconds == null;
    }
  }

  /**
   * Changes a tenant's settings; a running server applies them from its next request.
   *
   * @throws IllegalArgumentException when there is no such tenant, or for a value {@link #create}
   *     would refuse
   */
  public Tenant update(String name, Changes changes) {
    Tenant t = live(name);
    Tenant changed =
        new Tenant(
            t.id(),
            t.name(),
            or(changes.policy(), t.policy()),
            or(changes.maxProfile(), t.maxProfile()),
            changes.isolation() == null
                ? t.isolation()
                : Isolation.named(changes.isolation()).tierName(),
            or(changes.concurrency(), t.concurrency()),
            or(changes.ratePerMinute(), t.ratePerMinute()),
            or(changes.retainContent(), t.retainContent()),
            or(changes.anomalyThrottleSeconds(), t.anomalyThrottleSeconds()),
            t.createdAt());
    check(
        changed.policy(),
        changed.maxProfile(),
        changed.concurrency(),
        changed.ratePerMinute(),
        changed.anomalyThrottleSeconds());
    Sql.update(
        db,
        "tenant " + name,
        "UPDATE tenant SET policy = ?, max_profile = ?, isolation = ?, concurrency = ?,"
            + " rate_per_min = ?, retain_content = ?, anomaly_throttle_seconds = ? WHERE id = ?",
        changed.policy(),
        changed.maxProfile(),
        changed.isolation(),
        changed.concurrency(),
        changed.ratePerMinute(),
        changed.retainContent() ? 1 : 0,
        changed.anomalyThrottleSeconds(),
        changed.id());
    return changed;
  }

  /**
   * Deletes a tenant: it is gone from listings and its name is free again, while the audit log
   * keeps its records, under the name {@code NAME~ID8} (the first 8 characters of its id), which no
   * live tenant can have. One transaction.
   *
   * @param revokeKeys revoke its active keys first; without it, a tenant with an active key is
   *     refused, so that deleting never cuts off a caller by surprise
   * @return how many keys were revoked
   * @throws IllegalArgumentException when there is no such tenant, or it has active keys and {@code
   *     revokeKeys} is false
   */
  public int delete(String name, boolean revokeKeys) {
    Tenant t = live(name);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        int active = activeKeys(c, t.id());
        if (active > 0 && !revokeKeys) {
          throw new IllegalArgumentException(
              "tenant '"
                  + name
                  + "' has "
                  + active
                  + " active key"
                  + (active == 1 ? "" : "s")
                  + ": revoke them first (bulwark keys revoke ID) or add --revoke-keys");
        }
        execute(
            c,
            "UPDATE api_key SET revoked_at = ? WHERE tenant_id = ? AND revoked_at IS NULL",
            now,
            t.id());
        execute(
            c,
            "UPDATE tenant SET deleted_at = ?, name = ? WHERE id = ?",
            now,
            t.name() + "~" + t.id().substring(0, 8),
            t.id());
        c.commit();
        return active;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete tenant " + name + ": " + e.getMessage(), e);
    }
  }

  /** Every tenant, by name. */
  public List<Tenant> list() {
    return query("SELECT * FROM tenant WHERE deleted_at IS NULL ORDER BY name", null);
  }

  /** The tenant with this name. */
  public Optional<Tenant> find(String name) {
    return query("SELECT * FROM tenant WHERE name = ? AND deleted_at IS NULL", name).stream()
        .findFirst();
  }

  /** The tenant with this id, deleted or not (its records outlive it). */
  public Optional<Tenant> byId(String id) {
    return query("SELECT * FROM tenant WHERE id = ?", id).stream().findFirst();
  }

  private Tenant live(String name) {
    return find(name)
        .orElseThrow(() -> new IllegalArgumentException("no tenant named '" + name + "'"));
  }

  /** Refuses what no tenant may have: an unknown policy or profile, a cap below 1. */
  private static void check(
      String policy,
      String maxProfile,
      int concurrency,
      int ratePerMinute,
      int anomalyThrottleSeconds) {
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
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static int activeKeys(Connection c, String tenantId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM api_key WHERE tenant_id = ? AND revoked_at IS NULL")) {
      s.setString(1, tenantId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  private static void execute(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      s.executeUpdate();
    }
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
        r.getString("isolation"),
        r.getInt("concurrency"),
        r.getInt("rate_per_min"),
        r.getBoolean("retain_content"),
        r.getInt("anomaly_throttle_seconds"),
        r.getString("created_at"));
  }
}
