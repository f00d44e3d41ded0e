package dev.bulwark.tenant;

import dev.bulwark.store.Hashing;
import dev.bulwark.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * API keys: {@code bwk_<id>.<secret>}, where the id is public (listings, audit records) and the
 * secret is 32 random bytes. The secret is shown once, when the key is issued; the store keeps its
 * SHA-256, which is enough for a random 256-bit secret (no password to stretch), and compares in
 * constant time.
 */
public final class ApiKeys implements AutoCloseable {
  private static final Pattern TOKEN = Pattern.compile("bwk_([a-z2-7]{16})\\.([A-Za-z0-9_-]{43})");
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource db;
  private final Tenants tenants;

  /** A key's row as read at an auth generation. */
  private record Verified(Tenant tenant, String secretSha256, boolean operator, long generation) {}

  /** Keys that authenticated, by id: at most one entry per key in the store. */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private Connection generationConnection; // guarded by this, as is the statement
  private PreparedStatement generationQuery;

  public ApiKeys(DataSource db) {
    this.db = db;
    this.tenants = new Tenants(db);
  }

  /** A key just issued: {@code token} is the only copy of its secret. */
  public record Issued(ApiKey key, String token) {}

  /**
   * Who a valid key speaks for.
   *
   * @param operator whether the key is an operator's, which may also read what spans tenants
   */
  public record Caller(Tenant tenant, String keyId, boolean operator) {}

  /**
   * Issues a key for a tenant.
   *
   * @throws IllegalArgumentException when the tenant does not exist
   */
  public Issued issue(String tenantName, String label) {
    return issue(tenantName, label, false);
  }

  /**
   * Issues a key for a tenant; an operator's key may also read what spans tenants ({@code
   * /metrics}).
   *
   * @throws IllegalArgumentException when the tenant does not exist
   */
  public Issued issue(String tenantName, String label, boolean operator) {
    Tenant tenant =
        tenants
            .find(tenantName)
            .orElseThrow(
                () -> new IllegalArgumentException("no tenant named '" + tenantName + "'"));
    String id = randomId();
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    ApiKey key =
        new ApiKey(
            id,
            tenant.name(),
            label == null ? "" : label,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            null,
            operator);
    Sql.update(
        db,
        "the key",
        "INSERT INTO api_key (id, tenant_id, label, secret_sha256, created_at, operator)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        id,
        tenant.id(),
        key.label(),
        Hashing.sha256Hex(secret),
        key.createdAt(),
        operator ? 1 : 0);
    return new Issued(key, "bwk_" + id + "." + secret);
  }

  /** Every key (of one tenant when {@code tenantName} is not null), newest first. */
  public List<ApiKey> list(String tenantName) {
    String sql =
        "SELECT k.id, t.name, k.label, k.created_at, k.revoked_at, k.operator FROM api_key k"
            + " JOIN tenant t ON t.id = k.tenant_id"
            + (tenantName == null ? "" : " WHERE t.name = ?")
            + " ORDER BY k.created_at DESC, k.id";
    return Sql.select(
        db,
        "keys",
        sql,
        tenantName == null ? List.of() : List.of(tenantName),
        r ->
            new ApiKey(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getInt(6) != 0));
  }

  /**
   * Revokes a key; revoking a revoked key changes nothing.
   *
   * @throws IllegalArgumentException when there is no such key
   */
  public void revoke(String id) {
    int changed =
        Sql.update(
            db,
            "the key's revocation",
            "UPDATE api_key SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            id);
    if (changed == 0) {
      throw new IllegalArgumentException("no key with id '" + id + "'");
    }
  }

  /**
   * The caller a token speaks for: empty for a malformed, unknown, wrong or revoked key.
   *
   * <p>A key verified once is remembered with the store's auth generation, which migration V6's
   * triggers move on every change to a key or a tenant, from any process: each call reads that one
   * counter instead of the key's row, and reads the row again once it has moved.
   */
  public Optional<Caller> authenticate(String token) {
    Matcher m = token == null ? null : TOKEN.matcher(token);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    String id = m.group(1);
    long generation = generation();
    Verified known = verified.get(id);
    if (known == null || known.generation() != generation) {
      // Read after the generation: a change committed in between moves it again for the next call.
      known = stored(id, generation).orElse(null);
      if (known == null) {
        verified.remove(id);
        return Optional.empty();
      }
      verified.put(id, known);
    }
    boolean secretMatches =
        MessageDigest.isEqual(
            known.secretSha256().getBytes(StandardCharsets.US_ASCII),
            Hashing.sha256Hex(m.group(2)).getBytes(StandardCharsets.US_ASCII));
    return secretMatches
        ? Optional.of(new Caller(known.tenant(), id, known.operator()))
        : Optional.empty();
  }

  private Optional<Verified> stored(String id, long generation) {
    return Sql.select(
            db,
            "the key",
            "SELECT t.*, k.secret_sha256, k.operator FROM api_key k JOIN tenant t ON t.id = k.tenant_id"
                + " WHERE k.id = ? AND k.revoked_at IS NULL",
            List.of(id),
            r ->
                new Verified(
                    Tenants.read(r),
                    r.getString("secret_sha256"),
                    r.getInt("operator") != 0,
                    generation))
        .stream()
        .findFirst();
  }

  /**
   * The store's auth generation, through one connection and statement kept for it: a pooled
   * connection and a fresh statement cost twice as much per request.
   */
  private synchronized long generation() {
    try {
      if (generationQuery == null) {
        generationConnection = db.getConnection();
        generationQuery = generationConnection.prepareStatement("SELECT n FROM auth_generation");
      }
      try (ResultSet r = generationQuery.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      close(); // the next call opens them again
      throw new IllegalStateException("cannot read the key: " + e.getMessage(), e);
    }
  }

  /** Returns the connection kept for {@link #authenticate} to its pool. */
  @Override
  public synchronized void close() {
    if (generationConnection != null) {
      try {
        generationConnection.close(); // closes its statement too
      } catch (SQLException e) {
        // the pool replaces a connection that fails
      }
    }
    generationConnection = null;
    generationQuery = null;
  }

  private static String randomId() {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
    }
    return id.toString();
  }
}
