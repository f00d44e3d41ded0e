package dev.bulwark.client;

import java.util.Map;
import java.util.Optional;

/**
 * The server refused a request ({@code {"error": {"code", "message", "details"}}}), or could not be
 * reached.
 */
public final class BulwarkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, Object> details;

  BulwarkException(int status, String code, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  BulwarkException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.code = "unreachable";
    this.details = Map.of();
  }

  /** The HTTP status, or 0 when the server could not be reached. */
  public int status() {
    return status;
  }

  /**
   * The machine-readable code: {@code unauthorized}, {@code invalid_field}, {@code overloaded}...
   */
  public String code() {
    return code;
  }

  /** What else the server said, e.g. the {@code field} at fault. */
  public Map<String, Object> details() {
    return details;
  }

  /** For a 429: how long to wait before trying again. */
  public Optional<Long> retryAfterSeconds() {
    return details.get("retryAfterSeconds") instanceof Number n
        ? Optional.of(n.longValue())
        : Optional.empty();
  }
}
