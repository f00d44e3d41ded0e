package dev.bulwark.tenant;

import dev.bulwark.store.Hashing;
import dev.bulwark.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * API keys: {@code bwk_<id>.<secret>}, where the id is public (listings, audit records) and the
 * secret is 32 random bytes. The secret is shown once, when the key is issued; the store keeps its
 * SHA-256, which is enough for a random 256-bit secret (no password to stretch), and compares in
 * constant time.
 */
public final class ApiKeys {
  private static final Pattern TOKEN = Pattern.compile("bwk_([a-z2-7]{16})\\.([A-Za-z0-9_-]{43})");
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource db;
  private final Tenants tenants;

  public ApiKeys(DataSource db) {
    this.db = db;
    this.tenants = new Tenants(db);
  }

  /** A key just issued: {@code token} is the only copy of its secret. */
  public record Issued(ApiKey key, String token) {}

  /** Who a valid key speaks for. */
  public record Caller(Tenant tenant, String keyId) {}

  /**
   * Issues a key for a tenant.
   *
   * @throws IllegalArgumentException when the tenant does not exist
   */
  public Issued issue(String tenantName, String label) {
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
            null);
    Sql.update(
        db,
        "the key",
        "INSERT INTO api_key (id, tenant_id, label, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?)",
        id,
        tenant.id(),
        key.label(),
        Hashing.sha256Hex(secret),
        key.createdAt());
    return new Issued(key, "bwk_" + id + "." + secret);
  }

  /** Every key (of one tenant when {@code tenantName} is not null), newest first. */
  public List<ApiKey> list(String tenantName) {
    String sql =
        "SELECT k.id, t.name, k.label, k.created_at, k.revoked_at FROM api_key k"
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
                r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
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

  /** The caller a token speaks for: empty for a malformed, unknown, wrong or revoked key. */
  public Optional<Caller> authenticate(String token) {
    Matcher m = token == null ? null : TOKEN.matcher(token);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    record Stored(Tenant tenant, String secretSha256) {}
    return Sql.select(
            db,
            "the key",
            "SELECT t.*, k.secret_sha256 FROM api_key k JOIN tenant t ON t.id = k.tenant_id"
                + " WHERE k.id = ? AND k.revoked_at IS NULL",
            List.of(m.group(1)),
            r -> new Stored(Tenants.read(r), r.getString("secret_sha256")))
        .stream()
        .findFirst()
        .filter(k ->
            MessageDigest.isEqual(
                k.secretSha256().getBytes(StandardCharsets.US_ASCII),
                Hashing.sha256Hex(m.group(2)).getBytes(StandardCharsets.US_ASCII)))
        .map(k -> new Caller(k.tenant(), m.group(1)));
  }

  private static String randomId() {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
    }
    return id.toString();
  }
}
