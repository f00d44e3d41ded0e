package dev.bulwark.api;

import dev.bulwark.model.Units;
import java.time.Duration;

/**
 * How long the server's sessions live and how many a tenant may hold.
 *
 * @param idleTimeout a session that ran no cell and moved no file for this long ends; the default
 *     of a session that names no {@code ttl}, and the most one may name
 * @param maxLifetime a session ends this long after it opened, whatever it does
 * @param maxPerTenant live sessions a tenant may hold at once (409 {@code too_many_sessions}
 *     beyond)
 * @param maxMemoryPerTenant the memory limits of a tenant's live sessions, added up, at most (409
 *     {@code session_memory_limit} beyond)
 */
public record SessionSettings(
    Duration idleTimeout, Duration maxLifetime, int maxPerTenant, long maxMemoryPerTenant) {
  /**
   * 10 minutes idle, 4 hours in all, 8 sessions and 16 GiB of memory limits (eight of the default
   * profile) a tenant.
   */
  public static final SessionSettings DEFAULTS =
      new SessionSettings(Duration.ofMinutes(10), Duration.ofHours(4), 8, 16L << 30);

  public SessionSettings {
    if (idleTimeout.toMillis() < 100 || maxLifetime.toMillis() < 100) {
      throw new IllegalArgumentException("session timeouts must be at least 100ms");
    }
    if (maxPerTenant < 1 || maxMemoryPerTenant < 1) {
      throw new IllegalArgumentException("a tenant may hold at least one session and some memory");
    }
  }

  /**
   * The idle timeout of a session that asks for {@code ttl}: its own, or the default when null.
   *
   * @throws IllegalArgumentException when it is under 100 ms or over {@link #idleTimeout}
   */
  public Duration ttl(Duration ttl) {
    if (ttl == null) {
      return idleTimeout;
    }
    if (ttl.toMillis() < 100 || ttl.compareTo(idleTimeout) > 0) {
      throw new IllegalArgumentException("from 100ms to " + Units.formatDuration(idleTimeout));
    }
    return ttl;
  }
}
