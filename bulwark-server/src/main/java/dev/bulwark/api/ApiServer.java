package dev.bulwark.api;

import dev.bulwark.Engine;
import dev.bulwark.audit.AgentRunLog;
import dev.bulwark.audit.Anomalies;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.audit.SessionLog;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API, versioned under {@code /v1}: run and validate code as a tenant, list runtimes, read
 * the audit log, run agents, MCP. Every endpoint but {@code /healthz} needs {@code Authorization:
 * Bearer KEY}. Refusals are {@code {"error": {"code", "message", "details"}}} with a 4xx status;
 * 5xx is only for the server's own faults, and never carries a stack trace.
 *
 * <p>This class is the server's assembly, read top to bottom: the services, the handlers (one class
 * per concern), Javalin's settings, and the route table ({@link #routes()}).
 */
public final class ApiServer implements AutoCloseable {
  /**
   * The largest request body: a program up to the default source cap of 1 MiB, escaped as JSON, and
   * its input.
   */
  static final int MAX_BODY_BYTES = 4 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /**
   * How long a stopping server waits for the last answers to be written, once every execution has
   * ended: only a starved host takes more than milliseconds (5 s was seen to cut answers at a load
   * average of 10 on 2 cores).
   */
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(20);

  private final DataDirLock lock;
  private final Duration shutdownGrace;
  private final DrainGate gate = new DrainGate();
  private final SlowClients slowClients;
  private final Executions service;
  private final ApiKeys keys;
  private final McpEndpoint mcp;
  private final HealthRoutes health;
  private final RuntimeRoutes runtimes;
  private final ExecutionRoutes executions;
  private final ValidationRoutes validation;
  private final AgentRunRoutes agentRuns;
  private final AuditRoutes audit;
  private final Sessions sessions;
  private final SessionRoutes sessionRoutes;
  private final Javalin app;

  private ApiServer(Engine engine, Store store, DataDirLock lock, ServerConfig settings) {
    this.lock = lock;
    this.shutdownGrace = settings.shutdownGrace();
    DataSource db = store.dataSource();

    // The services: the store's logs, the counters (the warm pools' read at each scrape), and
    // Executions, through which the handlers reach the engine.
    keys = new ApiKeys(db);
    AuditLog auditLog = new AuditLog(db);
    Anomalies anomalies = new Anomalies(db, Clock.systemUTC());
    EventLog eventLog = new EventLog(System.err);
    Metrics metrics = new Metrics(engine::warmPools, engine::sessionPools);
    service =
        new Executions(engine, auditLog, new Admission(settings), metrics, anomalies, eventLog);
    AgentRuns agents = new AgentRuns(new AgentRunLog(db), settings.agent());
    sessions = new Sessions(service, new SessionLog(db), settings.sessions());
    metrics.sessions(sessions::held);

    // The handlers, one class a concern.
    Authenticator authenticator = new Authenticator(keys, anomalies);
    ErrorMapping errors = new ErrorMapping(metrics);
    health = new HealthRoutes(db, service, metrics);
    runtimes = new RuntimeRoutes(service);
    executions = new ExecutionRoutes(service, settings.maxSourceBytes());
    validation = new ValidationRoutes(service);
    agentRuns = new AgentRunRoutes(agents, service, sessions, gate);
    audit = new AuditRoutes(auditLog, anomalies);
    sessionRoutes = new SessionRoutes(sessions, service, settings.maxSourceBytes());
    mcp = new McpEndpoint(service, sessions, version());
    McpGuard mcpGuard = new McpGuard(gate, authenticator::authenticate);
    slowClients = new SlowClients(settings.connections());

    app =
        Javalin.create(config -> {
          jetty(config, settings);
          slowClients.configure(config);
          config.jetty.modifyServer(server -> server.setErrorHandler(errors.jetty()));
          config.jetty.modifyServletContextHandler(handler -> {
            handler.setErrorHandler(errors.jetty());
            mcp.mount(handler, mcpGuard);
          });
          config.routes.before(gate);
          config.routes.before("/v1/*", authenticator);
          config.routes.before("/readyz", authenticator);
          config.routes.before("/metrics", authenticator);
          config.routes.before("/metrics", Authenticator::requireOperator);
          config.routes.before("/openapi.json", authenticator);
          for (Route r : routes()) {
            config.routes.addHttpHandler(r.method(), r.path(), r.handler());
          }
          errors.install(config.routes);
          config.requestLogger.http(eventLog::request);
        });
  }

  /** One endpoint; {@code docs/openapi.json} documents each of them. */
  record Route(HandlerType method, String path, Handler handler) {}

  /** Every endpoint the server answers, but {@code /mcp} (a servlet, {@link McpEndpoint}). */
  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/healthz", health::live),
        new Route(HandlerType.GET, "/readyz", health::ready),
        new Route(HandlerType.GET, "/metrics", health::metrics),
        new Route(HandlerType.GET, "/openapi.json", health::openApi),
        new Route(HandlerType.GET, "/v1/runtimes", runtimes::list),
        new Route(HandlerType.POST, "/v1/executions", executions::run),
        new Route(HandlerType.GET, "/v1/executions/{id}", audit::record),
        new Route(HandlerType.GET, "/v1/executions/{id}/artifacts/<name>", executions::artifact),
        new Route(HandlerType.POST, "/v1/sessions", sessionRoutes::open),
        new Route(HandlerType.GET, "/v1/sessions", sessionRoutes::list),
        new Route(HandlerType.GET, "/v1/sessions/{id}", sessionRoutes::find),
        new Route(HandlerType.DELETE, "/v1/sessions/{id}", sessionRoutes::delete),
        new Route(HandlerType.POST, "/v1/sessions/{id}/executions", sessionRoutes::run),
        new Route(HandlerType.POST, "/v1/sessions/{id}/restart", sessionRoutes::restart),
        new Route(HandlerType.POST, "/v1/sessions/{id}/interrupt", sessionRoutes::interrupt),
        new Route(HandlerType.GET, "/v1/sessions/{id}/files", sessionRoutes::files),
        new Route(HandlerType.PUT, "/v1/sessions/{id}/files/<path>", sessionRoutes::upload),
        new Route(HandlerType.GET, "/v1/sessions/{id}/files/<path>", sessionRoutes::download),
        new Route(HandlerType.DELETE, "/v1/sessions/{id}/files/<path>", sessionRoutes::deleteFile),
        new Route(HandlerType.POST, "/v1/validate", validation::validate),
        new Route(HandlerType.POST, "/v1/agent/runs", agentRuns::start),
        new Route(HandlerType.GET, "/v1/agent/runs/{id}", agentRuns::find),
        new Route(HandlerType.GET, "/v1/audit", audit::records),
        new Route(HandlerType.GET, "/v1/anomalies", audit::anomalies));
  }

  private static void jetty(JavalinConfig config, ServerConfig settings) {
    config.jetty.host = settings.host();
    config.jetty.port = settings.port();
    config.concurrency.useVirtualThreads = true;
    config.http.maxRequestSize = MAX_BODY_BYTES;
    config.http.prefer405over404 = true;
    config.startup.showJavalinBanner = false;
  }

  private static String version() {
    return Objects.requireNonNullElse(
        ApiServer.class.getPackage().getImplementationVersion(), "dev");
  }

  /**
   * Starts serving; port 0 picks a free one ({@link #port()}). First it ends, as interrupted, the
   * executions and agent runs a server that died left running.
   *
   * @throws IllegalStateException when another server uses the same data directory
   * @throws IllegalArgumentException when the configured agent model cannot be built (e.g. no key)
   */
  public static ApiServer start(Engine engine, Store store, ServerConfig settings) {
    DataDirLock lock = DataDirLock.take(store.dir());
    try {
      recover(store.dataSource());
      ApiServer server = new ApiServer(engine, store, lock, settings);
      server.app.start();
      server.slowClients.watch();
      return server;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static void recover(DataSource db) {
    int interrupted = new AuditLog(db).markInterrupted();
    if (interrupted > 0) {
      LOG.warn("{} executions a previous server left running are marked interrupted", interrupted);
    }
    int ended = new SessionLog(db).markInterrupted();
    if (ended > 0) {
      LOG.warn("{} sessions a previous server left open are marked ended with it", ended);
    }
    int runs = new AgentRunLog(db).markInterrupted();
    if (runs > 0) {
      LOG.warn("{} agent runs a previous server left going are marked interrupted", runs);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /**
   * Stops gracefully: from now on every new request gets 503 {@code shutting_down} with {@code
   * Retry-After}; requests waiting for a slot get it too; running executions have the configured
   * grace ({@link ServerConfig#shutdownGrace()}) to finish, then are cancelled, and each one's
   * audit record is completed. Then the server stops serving and releases the MCP endpoint, the key
   * store's connection and the lock. The engine, which the caller started, is the caller's to
   * close.
   */
  @Override
  public void close() {
    gate.close();
    try {
      if (!service.drain(shutdownGrace)) {
        LOG.warn("executions still ran after they were cancelled; their records end on next start");
      }
      slowClients.awaitAnswered(ANSWER_WAIT); // the last results reach their clients
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping: executions in flight end as interrupted on next start");
    }
    sessions.close(); // each session's end is recorded
    slowClients.close();
    app.stop();
    mcp.close();
    keys.close();
    lock.close();
  }
}
