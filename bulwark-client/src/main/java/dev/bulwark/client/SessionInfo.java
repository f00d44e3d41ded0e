package dev.bulwark.client;

import dev.bulwark.model.LimitOverrides;
import java.time.Instant;
import java.util.List;

/**
 * A session as the server shows it ({@code GET /v1/sessions/{id}}).
 *
 * @param state {@code idle}, {@code busy}, {@code dead} or {@code closed}
 * @param limits the limits it runs under, the whole session's and each cell's
 * @param expiresAt when it ends unless used again, or at its lifetime
 * @param cells the cells it was given so far
 * @param memoryBytes the memory its sandbox holds now
 * @param end why and when it ended; null while it lives
 */
public record SessionInfo(
    String id,
    String language,
    String state,
    String policy,
    LimitOverrides limits,
    List<String> network,
    Instant startedAt,
    Instant lastActiveAt,
    Instant expiresAt,
    int cells,
    long memoryBytes,
    End end) {

  /**
   * Why a session ended.
   *
   * @param cause {@code CLOSED}, {@code OOM}, {@code EXPIRED}, {@code UNRESPONSIVE}...
   * @param reason in words
   */
  public record End(String cause, String reason, Instant at) {}
}
