package dev.bulwark.api;

import dev.bulwark.Engine;
import dev.bulwark.Job;
import dev.bulwark.Requests;
import dev.bulwark.audit.AgentRunLog;
import dev.bulwark.audit.Anomalies;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.audit.AuditRecord;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.Json;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Units;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HTTP API, versioned under {@code /v1}: run and validate code as a tenant, list runtimes.
 * Every endpoint but {@code /healthz} needs {@code Authorization: Bearer KEY}. Refusals are {@code
 * {"error": {"code", "message", "details"}}} with a 4xx status; 5xx is only for the server's own
 * faults, and never carries a stack trace.
 */
public final class ApiServer implements AutoCloseable {
  /** The largest request body: code and input together. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final Set<String> EXECUTION_FIELDS =
      Set.of("language", "code", "stdin", "policy", "profile", "limits", "stream");
  private static final Set<String> VALIDATION_FIELDS = Set.of("language", "code", "policy");

  /** The overrides of a profile a request may send (the model knows more, for the CLI). */
  private static final List<String> LIMIT_FIELDS =
      List.of("timeout", "cpuTime", "memory", "outputLimit", "cpus", "pids");

  private static final String CALLER = "bulwark.caller";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiServer.class);

  private final Engine engine;
  private final Store store;
  private final ApiKeys keys;
  private final AuditLog audit;
  private final java.nio.channels.FileChannel lock;
  private final Metrics metrics;
  private final Anomalies anomalies;
  private final EventLog eventLog = new EventLog(System.err);
  private final Executions executions;
  private final AgentRuns agentRuns;
  private final McpEndpoint mcp;
  private final Javalin app;

  private ApiServer(
      Engine engine, Store store, java.nio.channels.FileChannel lock, ServerConfig settings) {
    this.engine = engine;
    this.store = store;
    this.lock = lock;
    this.keys = new ApiKeys(store.dataSource());
    this.audit = new AuditLog(store.dataSource());
    this.metrics = new Metrics(engine::warmPools);
    this.anomalies = new Anomalies(store.dataSource(), java.time.Clock.systemUTC());
    this.executions =
        new Executions(engine, audit, new Admission(settings), metrics, anomalies, eventLog);
    this.agentRuns =
        new AgentRuns(engine, executions, new AgentRunLog(store.dataSource()), settings.agent());
    this.mcp =
        new McpEndpoint(
            engine,
            executions,
            java.util.Objects.requireNonNullElse(
                ApiServer.class.getPackage().getImplementationVersion(), "dev"));
    this.app =
        Javalin.create(config -> {
          config.jetty.host = settings.host();
          config.jetty.port = settings.port();
          config.concurrency.useVirtualThreads = true;
          config.http.maxRequestSize = MAX_BODY_BYTES;
          config.http.prefer405over404 = true;
          config.startup.showJavalinBanner = false;
          config.jetty.modifyServletContextHandler(handler -> mcp.mount(handler, this::caller));
          config.routes.before("/v1/*", this::authenticate);
          config.routes.before("/readyz", this::authenticate);
          config.routes.before("/metrics", this::authenticate);
          config.routes.before("/openapi.json", this::authenticate);
          for (Route r : routes()) {
            if (r.method().equals("GET")) {
              config.routes.get(r.path(), r.handler());
            } else {
              config.routes.post(r.path(), r.handler());
            }
          }
          config.requestLogger.http((ctx, ms) -> {
            ApiKeys.Caller c = ctx.attribute(CALLER);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("method", ctx.method().name());
            f.put("path", ctx.path());
            f.put("status", ctx.statusCode());
            f.put("ms", Math.round(ms));
            f.put("client", ctx.ip());
            if (c != null) {
              f.put("tenant", c.tenant().name());
              f.put("key", c.keyId());
            }
            eventLog.log("request", f);
          });
          config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e));
          config.routes.exception(
              io.javalin.http.HttpResponseException.class,
              (e, ctx) -> error(ctx, fromJavalin(e.getStatus(), ctx)));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
                error(ctx, new ApiError(500, "internal", "the server failed; see its log"));
              });
          for (int status : new int[] {404, 405}) {
            config.routes.error(
                status,
                ctx -> {
                  if (ctx.result() == null || !ctx.result().startsWith("{")) {
                    error(ctx, fromJavalin(status, ctx));
                  }
                });
          }
        });
  }

  /** One endpoint; {@code docs/openapi.json} documents each of them. */
  record Route(String method, String path, io.javalin.http.Handler handler) {}

  /** Every endpoint the server answers. */
  List<Route> routes() {
    return List.of(
        new Route("GET", "/healthz", ctx -> json(ctx, 200, Map.of("status", "ok"))),
        new Route("GET", "/readyz", this::ready),
        new Route(
            "GET",
            "/metrics",
            ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape())),
        new Route(
            "GET", "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi())),
        new Route("GET", "/v1/runtimes", this::runtimes),
        new Route("POST", "/v1/executions", this::execute),
        new Route("GET", "/v1/executions/{id}", this::record),
        new Route("POST", "/v1/validate", this::validate),
        new Route("POST", "/v1/agent/runs", ctx -> agentRuns.start(ctx, ctx.attribute(CALLER))),
        new Route("GET", "/v1/agent/runs/{id}", ctx -> agentRuns.find(ctx, ctx.attribute(CALLER))),
        new Route("GET", "/v1/audit", this::auditRecords),
        new Route("GET", "/v1/anomalies", this::anomalyRecords));
  }

  /** The API's OpenAPI 3.1 document, built from docs/openapi.json. */
  static byte[] openApi() {
    try (java.io.InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the build");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Starts serving; port 0 picks a free one ({@link #port()}). First it ends, as interrupted, the
   * executions a server that died left running.
   *
   * @throws IllegalStateException when another server uses the same data directory
   */
  public static ApiServer start(Engine engine, Store store, ServerConfig settings) {
    java.nio.channels.FileChannel lock = lockDataDir(store.dir());
    try {
      int interrupted = new AuditLog(store.dataSource()).markInterrupted();
      if (interrupted > 0) {
        LOG.warn(
            "{} executions a previous server left running are marked interrupted", interrupted);
      }
      int runs = new AgentRunLog(store.dataSource()).markInterrupted();
      if (runs > 0) {
        LOG.warn("{} agent runs a previous server left going are marked interrupted", runs);
      }
      ApiServer server = new ApiServer(engine, store, lock, settings);
      server.app.start();
      return server;
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  /** One server per data directory: its audit recovery assumes no other is running. */
  private static java.nio.channels.FileChannel lockDataDir(java.nio.file.Path dir) {
    try {
      java.nio.channels.FileChannel channel =
          java.nio.channels.FileChannel.open(
              dir.resolve("server.lock"),
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        channel.close();
        throw new IllegalStateException("another bulwark server uses the data directory " + dir);
      }
      return channel;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      throw new IllegalStateException("another bulwark server uses the data directory " + dir, e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void closeQuietly(java.nio.channels.FileChannel channel) {
    try {
      channel.close();
    } catch (java.io.IOException e) {
      LOG.warn("cannot release the data directory's lock", e);
    }
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    mcp.close();
    keys.close();
    closeQuietly(lock);
  }

  private void authenticate(Context ctx) {
    ctx.attribute(CALLER, caller(ctx.header("Authorization")));
  }

  /**
   * The caller an {@code Authorization} header names.
   *
   * @throws ApiError 401 without a valid key, 429 while the key is throttled for an anomaly
   */
  ApiKeys.Caller caller(String header) {
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
          long wait =
              Math.max(1, java.time.Duration.between(java.time.Instant.now(), until).toSeconds());
          throw new ApiError(
              429,
              "throttled",
              "this key raised an anomaly and is refused until " + AuditLog.stamp(until),
              Map.of("retryAfterSeconds", wait));
        });
    return caller;
  }

  private void ready(Context ctx) {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw new ApiError(503, "not_ready", "the store is unreachable: " + e.getMessage());
    }
    if (!engine.warm()) {
      throw new ApiError(
          503,
          "not_ready",
          "the warm pools are still filling: "
              + engine.warmPools().stream()
                  .map(p -> p.runtime() + ":" + p.profile() + " " + p.idle() + "/" + p.size())
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    json(ctx, 200, Map.of("status", "ready"));
  }

  private void runtimes(Context ctx) {
    json(ctx, 200, Map.of("runtimes", engine.describeRuntimes()));
  }

  private void execute(Context ctx) {
    ApiKeys.Caller caller = ctx.attribute(CALLER);
    RequestBody body = RequestBody.parse(body(ctx), EXECUTION_FIELDS);
    ExecutionRequest asked =
        new ExecutionRequest(
            language(body),
            body.required("code"),
            body.optional("stdin"),
            body.optional("policy"),
            body.optional("profile"),
            overrides(body));
    Job request = allowed(() -> Requests.resolve(asked, ceiling(caller)));
    String accept = ctx.header("Accept");
    boolean stream =
        body.flag("stream") || (accept != null && accept.contains("text/event-stream"));
    if (!stream) {
      json(ctx, 200, executions.run(caller, ctx.ip(), request));
      return;
    }
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setHeader("Cache-Control", "no-cache");
    try {
      EventStream sse = new EventStream(ctx.res().getOutputStream());
      sse.send("result", executions.run(caller, ctx.ip(), request, sse));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void validate(Context ctx) {
    ApiKeys.Caller caller = ctx.attribute(CALLER);
    RequestBody body = RequestBody.parse(body(ctx), VALIDATION_FIELDS);
    String language = language(body);
    String code = body.required("code");
    Policy policy = policy(caller, body);
    try (Admission.Permit permit = executions.admit(caller)) {
      json(ctx, 200, engine.validate(language, code, policy).report(policy.name()));
    }
  }

  private void record(Context ctx) {
    ApiKeys.Caller caller = ctx.attribute(CALLER);
    String id = ctx.pathParam("id");
    AuditRecord r =
        audit
            .find(caller.tenant().id(), id)
            .orElseThrow(() -> new ApiError(404, "not_found", "no execution with id " + id));
    json(ctx, 200, r);
  }

  private void auditRecords(Context ctx) {
    ApiKeys.Caller caller = ctx.attribute(CALLER);
    String status = ctx.queryParam("status");
    if (status != null
        && java.util.Arrays.stream(dev.bulwark.model.Status.values())
            .noneMatch(s -> s.name().equals(status))) {
      throw ApiError.field(
          "status", "one of " + java.util.Arrays.toString(dev.bulwark.model.Status.values()));
    }
    List<AuditRecord> records =
        audit.list(
            new AuditLog.Query(
                caller.tenant().id(), since(ctx), status, ctx.queryParam("key"), limit(ctx)));
    json(ctx, 200, Map.of("records", records));
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
      // refused below
    }
    throw ApiError.field("limit", "a whole number from 1 to 1000");
  }

  private void anomalyRecords(Context ctx) {
    ApiKeys.Caller caller = ctx.attribute(CALLER);
    json(
        ctx,
        200,
        Map.of("anomalies", anomalies.list(caller.tenant().id(), since(ctx), limit(ctx))));
  }

  /** The body, after the checks of size and type every POST shares. */
  static byte[] body(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "unsupported_media_type", "send Content-Type: application/json");
    }
    if (ctx.contentLength() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return bytes;
  }

  private String language(RequestBody body) {
    String language = body.required("language");
    if (engine.language(language).isEmpty()) {
      throw ApiError.field(
          "language",
          "unknown language '" + language + "'; known: " + String.join(", ", engine.languages()));
    }
    return language;
  }

  /** The most the caller may ask for: its tenant's policy and maximum profile. */
  static Requests.Ceiling ceiling(ApiKeys.Caller caller) {
    return Requests.Ceiling.of(
        Policies.resolve(caller.tenant().policy()), caller.tenant().maxProfile());
  }

  /** The tenant's policy, tightened by the one the request names: never looser. */
  static Policy policy(ApiKeys.Caller caller, RequestBody body) {
    return allowed(() -> Requests.policy(body.optional("policy"), ceiling(caller)));
  }

  /** The request's limits: a preset and overrides, within the tenant's maximum profile. */
  static Limits limits(ApiKeys.Caller caller, RequestBody body) {
    LimitOverrides overrides = overrides(body);
    return allowed(() -> Requests.limits(body.optional("profile"), overrides, ceiling(caller)));
  }

  private static LimitOverrides overrides(RequestBody body) {
    return body.overrides("limits", LIMIT_FIELDS);
  }

  /** What the request-resolution rule allows; its refusal in the API's shape. */
  private static <T> T allowed(Supplier<T> rule) {
    try {
      return rule.get();
    } catch (Requests.Refusal e) {
      throw ApiError.refused(e);
    }
  }

  private static ApiError tooLarge() {
    return new ApiError(
        413,
        "body_too_large",
        "the body exceeds " + Units.formatSize(MAX_BODY_BYTES),
        Map.of("maxBytes", MAX_BODY_BYTES));
  }

  /** Javalin's own refusals, in the API's shape. */
  private static ApiError fromJavalin(int status, Context ctx) {
    return switch (status) {
      case 413 -> tooLarge();
      case 404 -> new ApiError(404, "not_found", "no such endpoint: " + ctx.path());
      case 405 ->
          new ApiError(
              405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
      default -> new ApiError(status, "http_" + status, "the request was refused");
    };
  }

  private void error(Context ctx, ApiError e) {
    metrics.refused(e);
    respond(ctx, e);
  }

  private static void respond(Context ctx, ApiError e) {
    retryAfter(e).ifPresent(seconds -> ctx.header("Retry-After", seconds));
    json(ctx, e.status(), e.body().envelope());
  }

  /** The {@code Retry-After} header of a 429. */
  static java.util.Optional<String> retryAfter(ApiError e) {
    return e.status() == 429 && e.details().get("retryAfterSeconds") instanceof Long seconds
        ? java.util.Optional.of(Long.toString(Math.max(1, seconds)))
        : java.util.Optional.empty();
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }
}
