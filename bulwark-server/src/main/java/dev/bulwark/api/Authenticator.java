package dev.bulwark.api;

import dev.bulwark.audit.Anomalies;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Who calls: the key of {@code Authorization: Bearer KEY}. As a before-handler it keeps the caller
 * on the request ({@link #caller(Context)}) for the handlers behind it.
 */
final class Authenticator implements Handler {
  private static final String CALLER = "bulwark.caller";

  private final ApiKeys keys;
  private final Anomalies anomalies;

  Authenticator(ApiKeys keys, Anomalies anomalies) {
    this.keys = keys;
    this.anomalies = anomalies;
  }

  @Override
  public void handle(Context ctx) {
    ctx.attribute(CALLER, authenticate(ctx.header("Authorization")));
  }

  /**
   * After this authenticator, on what spans tenants ({@code /metrics}): an operator's key only.
   *
   * @throws ApiError 403 for a tenant's key
   */
  static void requireOperator(Context ctx) {
    ApiKeys.Caller caller = caller(ctx);
    if (caller == null || !caller.operator()) {
      throw new ApiError(
          403,
          "forbidden",
          "only an operator's key may read this: it spans tenants (bulwark keys create --operator)");
    }
  }

  /** The caller of a request this authenticator let through; null on an open endpoint. */
  static ApiKeys.Caller caller(Context ctx) {
    return ctx.attribute(CALLER);
  }

  /**
   * The caller an {@code Authorization} header names.
   *
   * @throws ApiError 401 without a valid key, 429 while the key is throttled for an anomaly
   */
  ApiKeys.Caller authenticate(String header) {
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : null;
    ApiKeys.Caller caller =
        keys.authenticate(token)
            .orElseThrow(() ->
                new ApiError(401, "unauthorized", "send a valid key: Authorization: Bearer KEY"));
    anomalies
        .throttledUntil(caller.keyId())
        .ifPresent(until -> {
          long wait = Math.max(1, Duration.between(Instant.now(), until).toSeconds());
          throw new ApiError(
              429,
              "throttled",
              "this key raised an anomaly and is refused until " + AuditLog.stamp(until),
              Map.of("retryAfterSeconds", wait));
        });
    return caller;
  }
}
