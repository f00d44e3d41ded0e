package dev.bulwark.api;

import dev.bulwark.Engine;
import dev.bulwark.agent.Agent;
import dev.bulwark.audit.AgentRunLog;
import dev.bulwark.model.Units;
import dev.bulwark.tenant.ApiKeys;
import dev.langchain4j.model.chat.ChatModel;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/agent/runs}: a task handed to the operator's model, whose code runs as the caller
 * (its tenant's policy and limits, each execution admitted and audited); the answer whole, or each
 * step as a Server-Sent Event. The transcript is kept ({@link AgentRunLog}) and read back with
 * {@code GET /v1/agent/runs/{id}}.
 */
final class AgentRuns {
  static final Set<String> FIELDS =
      Set.of("task", "maxSteps", "maxTime", "maxTokens", "policy", "profile", "limits", "stream");

  private final Engine engine;
  private final Executions executions;
  private final AgentRunLog log;
  private final AgentConfig config;
  private final ChatModel model;
  private final Semaphore slots;

  /**
   * @throws IllegalArgumentException when the configured model cannot be built (e.g. no key)
   */
  AgentRuns(Engine engine, Executions executions, AgentRunLog log, AgentConfig config) {
    this.engine = engine;
    this.executions = executions;
    this.log = log;
    this.config = config;
    this.model = config.enabled() ? config.model().chatModel(System.getenv()) : null;
    this.slots = new Semaphore(config.maxRuns());
  }

  void start(Context ctx, ApiKeys.Caller caller) {
    if (model == null) {
      throw new ApiError(
          503,
          "agent_not_configured",
          "this server has no model for agent runs; its operator sets agent.provider in"
              + " bulwark.yaml");
    }
    RequestBody body = RequestBody.parse(ApiServer.body(ctx), FIELDS);
    String task = body.required("task");
    if (task.isBlank()) {
      throw ApiError.field("task", "must not be blank");
    }
    Agent.Limits limits = limits(body);
    TenantRunner runner =
        new TenantRunner(
            engine,
            executions,
            caller,
            ctx.ip(),
            ApiServer.policy(caller, body),
            ApiServer.limits(caller, body));
    String accept = ctx.header("Accept");
    boolean stream =
        body.flag("stream") || (accept != null && accept.contains("text/event-stream"));
    if (!slots.tryAcquire()) {
      throw new ApiError(
          429,
          "agent_runs_limit",
          "the server already runs " + config.maxRuns() + " agent runs",
          Map.of("retryAfterSeconds", 5L));
    }
    try {
      String id = UUID.randomUUID().toString();
      log.started(
          new AgentRunLog.Started(
              id,
              caller.tenant(),
              caller.keyId(),
              ctx.ip(),
              config.model().provider().toString(),
              config.model().modelOrDefault(),
              task));
      Agent agent = new Agent(model, runner, limits);
      Agent.Result result = null;
      try {
        if (stream) {
          ctx.status(200);
          ctx.res().setContentType("text/event-stream");
          ctx.res().setHeader("Cache-Control", "no-cache");
          AtomicBoolean gone = new AtomicBoolean();
          EventStream sse = new EventStream(ctx.res().getOutputStream(), () -> gone.set(true));
          result =
              agent.run(
                  task,
                  new Agent.Listener() {
                    @Override
                    public void step(Agent.Step step) {
                      sse.send("step", step);
                    }

                    @Override
                    public boolean stopped() {
                      return gone.get();
                    }
                  });
          sse.send("result", body(id, result));
        } else {
          result = agent.run(task, Agent.Listener.NONE);
          ApiServer.json(ctx, 200, body(id, result));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        if (result != null) {
          log.finished(id, result, caller.tenant().retainContent());
        } else {
          log.failed(id);
        }
      }
    } finally {
      slots.release();
    }
  }

  void find(Context ctx, ApiKeys.Caller caller) {
    String id = ctx.pathParam("id");
    ApiServer.json(
        ctx,
        200,
        log.find(caller.tenant().id(), id)
            .orElseThrow(() -> new ApiError(404, "not_found", "no agent run with id " + id)));
  }

  /** What the caller gets: the whole run, its steps' code and observations included. */
  private static Map<String, Object> body(String id, Agent.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("end", r.end());
    m.put("answer", r.answer());
    m.put("error", r.error());
    m.put("steps", r.steps());
    m.put("tokens", r.tokens());
    m.put("elapsedMs", r.elapsed().toMillis());
    m.put("answerRedactions", r.answerRedactions());
    return m;
  }

  /** The run's limits: the operator's, or less where the request asks for less. */
  private Agent.Limits limits(RequestBody body) {
    Agent.Limits max = config.limits();
    int steps = (int) whole(body, "maxSteps", max.maxSteps());
    long tokens = whole(body, "maxTokens", max.maxTokens());
    Duration time = max.maxTime();
    String text = body.optional("maxTime");
    if (text != null) {
      try {
        time = Units.parseDuration(text);
      } catch (IllegalArgumentException e) {
        throw ApiError.field("maxTime", e.getMessage());
      }
      if (time.isZero() || time.compareTo(max.maxTime()) > 0) {
        throw ApiError.field(
            "maxTime", "more than zero, at most " + Units.formatDuration(max.maxTime()));
      }
    }
    return new Agent.Limits(steps, time, tokens);
  }

  private static long whole(RequestBody body, String field, long max) {
    JsonNode n = body.node(field);
    if (n == null) {
      return max;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1 || n.asLong() > max) {
      throw ApiError.field(field, "a whole number from 1 to " + max);
    }
    return n.asLong();
  }
}
