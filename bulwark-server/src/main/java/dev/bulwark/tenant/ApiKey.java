package dev.bulwark.tenant;

/**
 * An API key as stored: everything but its secret, of which only a hash is kept.
 *
 * @param id the key's public part, shown in listings and audit records
 * @param tenant the owning tenant's name
 * @param label what the operator called it
 * @param createdAt when, ISO-8601 UTC
 * @param revokedAt when it was revoked, or null
 * @param operator whether it is an operator's key, which may also read what spans tenants
 */
public record ApiKey(
    String id, String tenant, String label, String createdAt, String revokedAt, boolean operator) {
  public boolean revoked() {
    return revokedAt != null;
  }
}
