package dev.bulwark.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal as the HTTP API answers it, inside {@code {"error": {"code", "message", "details"}}}
 * ({@link Envelope}) with a 4xx status, or 5xx for the server's own faults. Immutable.
 *
 * @param code machine-readable: {@code invalid_field}, {@code unknown_field}, {@code
 *     limits_not_allowed}, {@code unauthorized}, {@code overloaded}...
 * @param message what went wrong and what to do, for people
 * @param details more for programs, e.g. the {@code field} at fault or {@code retryAfterSeconds};
 *     in the order given
 */
public record ErrorBody(String code, String message, Map<String, Object> details) {
  /**
   * @throws NullPointerException without a code or a message
   */
  public ErrorBody {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    details =
        details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** This refusal as the whole answer. */
  public Envelope envelope() {
    return new Envelope(this);
  }

  /**
   * The whole answer of a refusal: {@code {"error": {...}}}.
   *
   * @param error the refusal
   */
  public record Envelope(ErrorBody error) {
    public Envelope {
      Objects.requireNonNull(error, "error");
    }
  }
}
