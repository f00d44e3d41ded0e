package dev.bulwark.api;

import dev.bulwark.Cell;
import dev.bulwark.Isolation;
import dev.bulwark.Requests;
import dev.bulwark.Session;
import dev.bulwark.SessionSpec;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Units;
import dev.bulwark.policy.Policy;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /v1/sessions}: a tenant's sessions (open, list, read, end, restart, interrupt), their
 * cells ({@code POST /v1/sessions/{id}/executions}, a result or Server-Sent Events as one-shot
 * executions) and their files (streamed in and out, listed, deleted). Another tenant's session is
 * as unknown as one that never was (404).
 */
final class SessionRoutes {
  private static final Set<String> OPEN_FIELDS =
      Set.of("language", "profile", "policy", "limits", "network", "ttl", "isolation");
  private static final Set<String> CELL_FIELDS = Set.of("code", "stream", "timeout", "wait");

  private final Sessions sessions;
  private final Executions executions;
  private final long maxSourceBytes;

  SessionRoutes(Sessions sessions, Executions executions, long maxSourceBytes) {
    this.sessions = sessions;
    this.executions = executions;
    this.maxSourceBytes = maxSourceBytes;
  }

  /**
   * A session as the API shows it.
   *
   * @param state {@code idle}, {@code busy}, {@code dead} or {@code closed}
   * @param expiresAt when it ends unless used again (idle), or at its lifetime
   * @param end why and when it ended; null while it lives
   */
  record View(
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
    static View of(Session s) {
      SessionSpec spec = s.spec();
      return new View(
          s.id(),
          s.language(),
          s.state().name().toLowerCase(Locale.ROOT),
          spec.policy().name(),
          LimitOverrides.of(spec.limits()),
          spec.allowedHosts(),
          s.startedAt(),
          s.lastActiveAt(),
          Sessions.expiresAt(s),
          s.cellCount(),
          s.memoryBytes(),
          s.end().map(e -> new End(e.cause().name(), e.reason(), e.at())).orElse(null));
    }
  }

  /** Why a session ended ({@code OOM}, {@code EXPIRED}, {@code CLOSED}...), in words, and when. */
  record End(String cause, String reason, Instant at) {}

  void open(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    JsonBody body = JsonBody.read(ctx, OPEN_FIELDS);
    String language = body.required("language");
    try {
      executions.requireLanguage(language);
    } catch (IllegalArgumentException e) {
      throw ApiError.field("language", e.getMessage());
    }
    Requests.Ceiling ceiling = caller.tenant().ceiling();
    Limits limits =
        Requests.limits(
            body.optional("profile"), body.overrides(JsonBody.SESSION_LIMIT_FIELDS), ceiling);
    Policy policy = Requests.policy(body.optional("policy"), ceiling);
    Isolation isolation = Requests.isolation(body.optional("isolation"), ceiling);
    SessionSettings settings = sessions.settings();
    Duration ttl;
    try {
      ttl = settings.ttl(body.duration("ttl"));
    } catch (IllegalArgumentException e) {
      throw ApiError.field("ttl", e.getMessage());
    }
    SessionSpec spec;
    try {
      spec =
          new SessionSpec(
              language,
              limits,
              policy,
              body.strings("network"),
              isolation == null ? null : isolation.tierName(),
              null,
              ttl,
              settings.maxLifetime());
    } catch (IllegalArgumentException e) {
      throw ApiError.field("network", e.getMessage());
    }
    Session session;
    try {
      session = sessions.open(caller, ctx.ip(), spec);
    } catch (IllegalArgumentException e) { // no sessions in this language, or another tier
      throw ApiError.field(spec.tier() != null ? "isolation" : "language", e.getMessage());
    }
    Reply.json(ctx, 201, View.of(session));
  }

  void list(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    Reply.json(ctx, 200, Map.of("sessions", sessions.list(caller).stream().map(View::of).toList()));
  }

  void find(Context ctx) {
    Reply.json(ctx, 200, View.of(session(ctx)));
  }

  void delete(Context ctx) {
    sessions.delete(Authenticator.caller(ctx), ctx.pathParam("id"));
    ctx.status(204);
  }

  void restart(Context ctx) {
    Session s = session(ctx);
    s.restart();
    Reply.json(ctx, 200, View.of(s));
  }

  void interrupt(Context ctx) {
    Session s = session(ctx);
    s.interrupt();
    Reply.json(ctx, 202, View.of(s));
  }

  /** A cell: its result with its {@code id}, or its events then its result. */
  void run(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    Session s = session(ctx);
    JsonBody body = JsonBody.read(ctx, CELL_FIELDS);
    String code = body.required("code");
    Requests.source(
        code.getBytes(StandardCharsets.UTF_8).length,
        caller.tenant().ceiling().withMaxSourceBytes(maxSourceBytes));
    Duration timeout = body.duration("timeout");
    Duration most = s.spec().limits().wallTimeout();
    if (timeout != null && (timeout.toMillis() < 10 || timeout.compareTo(most) > 0)) {
      throw ApiError.field("timeout", "from 10ms to the session's " + Units.formatDuration(most));
    }
    Cell cell = new Cell(code, timeout, body.flag("wait"));
    if (body.wantsEvents()) {
      executions.cell(caller, ctx.ip(), s, cell, () -> Reply.events(ctx));
    } else {
      ExecutionResult r = executions.cell(caller, ctx.ip(), s, cell, null);
      Reply.json(ctx, 200, r);
    }
  }

  /** {@code PUT .../files/{path}}: the body, streamed into the workspace. */
  void upload(Context ctx) {
    Session s = session(ctx);
    FileInfo info;
    try {
      info = s.upload(ctx.pathParam("path"), ctx.req().getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Reply.json(ctx, 201, info);
  }

  /** {@code GET .../files/{path}}: the file, streamed, its type guessed from its name. */
  void download(Context ctx) {
    Session s = session(ctx);
    String path = ctx.pathParam("path");
    ctx.status(200);
    ctx.res().setContentType(mediaType(path));
    try {
      s.download(path, ctx.res().getOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET .../files?path=dir}: a directory's entries ({@code ""}, the root, by default). */
  void files(Context ctx) {
    Session s = session(ctx);
    String dir = Objects.requireNonNullElse(ctx.queryParam("path"), "");
    Reply.json(ctx, 200, s.list(dir));
  }

  void deleteFile(Context ctx) {
    session(ctx).delete(ctx.pathParam("path"));
    ctx.status(204);
  }

  private Session session(Context ctx) {
    return sessions.find(Authenticator.caller(ctx), ctx.pathParam("id"));
  }

  /** The media type of a file by its name; {@code application/octet-stream} when unknown. */
  static String mediaType(String name) {
    String type = URLConnection.getFileNameMap().getContentTypeFor(name);
    return type == null ? "application/octet-stream" : type;
  }
}
