package dev.bulwark.api;

import dev.bulwark.audit.Anomalies;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.audit.AuditRecord;
import dev.bulwark.model.Status;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The audit log read back, each caller seeing its own tenant's only: one execution's record ({@code
 * GET /v1/executions/{id}}), the records ({@code GET /v1/audit}), the anomalies ({@code GET
 * /v1/anomalies}).
 */
final class AuditRoutes {
  private final AuditLog audit;
  private final Anomalies anomalies;

  AuditRoutes(AuditLog audit, Anomalies anomalies) {
    this.audit = audit;
    this.anomalies = anomalies;
  }

  void record(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    String id = ctx.pathParam("id");
    AuditRecord r =
        audit
            .find(caller.tenant().id(), id)
            .orElseThrow(() -> new ApiError(404, "not_found", "no execution with id " + id));
    Reply.json(ctx, 200, r);
  }

  void records(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    String status = ctx.queryParam("status");
    if (status != null && Arrays.stream(Status.values()).noneMatch(s -> s.name().equals(status))) {
      throw ApiError.field("status", "one of " + Arrays.toString(Status.values()));
    }
    List<AuditRecord> records =
        audit.list(
            new AuditLog.Query(
                caller.tenant().id(), since(ctx), status, ctx.queryParam("key"), limit(ctx)));
    Reply.json(ctx, 200, Map.of("records", records));
  }

  void anomalies(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    Reply.json(
        ctx,
        200,
        Map.of("anomalies", anomalies.list(caller.tenant().id(), since(ctx), limit(ctx))));
  }

  /** The {@code since} query parameter, an ISO-8601 instant, as the log stores it. */
  private static String since(Context ctx) {
    String since = ctx.queryParam("since");
    if (since == null) {
      return null;
    }
    try {
      return AuditLog.stampOf(since);
    } catch (IllegalArgumentException e) {
      throw ApiError.field("since", e.getMessage());
    }
  }

  /** The {@code limit} query parameter: 1 to 1000, 100 when absent. */
  private static int limit(Context ctx) {
    String text = ctx.queryParam("limit");
    if (text == null) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= 1000) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // not a number: refused below, as a number out of range is
    }
    throw ApiError.field("limit", "a whole number from 1 to 1000");
  }
}
