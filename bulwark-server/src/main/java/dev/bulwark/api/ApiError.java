package dev.bulwark.api;

import dev.bulwark.Requests;
import dev.bulwark.SessionBusyException;
import dev.bulwark.SessionDeadException;
import dev.bulwark.SessionException;
import dev.bulwark.SessionFileException;
import dev.bulwark.SessionIsolationException;
import dev.bulwark.model.ErrorBody;
import dev.bulwark.model.Units;
import java.util.Map;

/**
 * A refusal with its HTTP status, a machine-readable code and a message for people; the server
 * answers it as {@code {"error": {"code", "message", "details"}}} ({@link #body()}).
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, Object> details;

  ApiError(int status, String code, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = Map.copyOf(details);
  }

  ApiError(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  /** A bad field: 400 naming it. */
  static ApiError field(String field, String message) {
    return new ApiError(400, "invalid_field", field + ": " + message, Map.of("field", field));
  }

  /** A body beyond the largest the server reads. */
  static ApiError tooLarge(int maxBytes) {
    return new ApiError(
        413,
        "body_too_large",
        "the body exceeds " + Units.formatSize(maxBytes),
        Map.of("maxBytes", maxBytes));
  }

  /** The server is stopping: 503, to try again (elsewhere, or once it is back). */
  static ApiError stopping() {
    return new ApiError(
        503,
        "shutting_down",
        "the server is stopping and takes no new requests",
        Map.of("retryAfterSeconds", 5L));
  }

  /**
   * What the request-resolution rule refused: a bad field, limits beyond the tenant's, or a source
   * over the cap (413).
   */
  static ApiError refused(Requests.Refusal refusal) {
    return switch (refusal) {
      case Requests.InvalidField f -> field(f.field(), f.reason());
      case Requests.LimitsNotAllowed l ->
          new ApiError(
              403,
              refusal.code(),
              "the requested limits exceed the tenant's maximum profile '"
                  + l.maximumProfile()
                  + "'",
              Map.of("maxProfile", l.maximumProfile()));
      case Requests.IsolationNotAllowed i ->
          new ApiError(
              403, refusal.code(), i.getMessage(), Map.of("isolation", i.floor().tierName()));
      case Requests.SourceTooLarge s ->
          new ApiError(413, refusal.code(), s.getMessage(), Map.of("maxBytes", s.maxBytes()));
    };
  }

  /**
   * What a session refused: 409 {@code session_busy}, 409 {@code session_dead} with why and when it
   * ended, a file operation's refusal (400, 404, 409 or 413, its code the engine's), or 409 {@code
   * session_isolation_unsupported} for a tier without sessions.
   */
  static ApiError session(SessionException e) {
    return switch (e) {
      case SessionBusyException b ->
          new ApiError(
              409, b.code(), b.getMessage() + "; send \"wait\": true to wait for it", Map.of());
      case SessionDeadException d ->
          new ApiError(
              409,
              d.code(),
              d.getMessage(),
              Map.of(
                  "cause", d.end().cause().name(),
                  "reason", d.end().reason(),
                  "endedAt", d.end().at().toString()));
      case SessionFileException f ->
          new ApiError(
              switch (f.kind()) {
                case INVALID_PATH -> 400;
                case NOT_FOUND -> 404;
                case NOT_A_FILE -> 409;
                case TOO_LARGE, WORKSPACE_FULL -> 413;
              },
              f.code(),
              f.getMessage(),
              Map.of("path", f.path()));
      case SessionIsolationException i ->
          new ApiError(409, i.code(), i.getMessage(), Map.of("isolation", i.tier()));
    };
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  Map<String, Object> details() {
    return details;
  }

  /** The one shape of every refusal. */
  ErrorBody body() {
    return new ErrorBody(code, getMessage(), details);
  }
}
