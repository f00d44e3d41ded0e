package dev.bulwark.api;

import dev.bulwark.Requests;
import dev.bulwark.agent.Agent;
import dev.bulwark.model.Units;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/agent/runs}: a task handed to the operator's model, whose code runs as the caller
 * (its tenant's policy and limits, each execution admitted and audited); the answer whole, or each
 * step as a Server-Sent Event. {@code GET /v1/agent/runs/{id}} reads the kept transcript back.
 */
final class AgentRunRoutes {
  private static final Set<String> FIELDS =
      Set.of("task", "maxSteps", "maxTime", "maxTokens", "policy", "profile", "limits", "stream");

  private final AgentRuns agentRuns;
  private final Executions executions;
  private final Sessions sessions;
  private final DrainGate gate;

  /**
   * @param gate a run stops at its next step once the server is stopping
   */
  AgentRunRoutes(AgentRuns agentRuns, Executions executions, Sessions sessions, DrainGate gate) {
    this.agentRuns = agentRuns;
    this.executions = executions;
    this.sessions = sessions;
    this.gate = gate;
  }

  void start(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    JsonBody body = JsonBody.read(ctx, FIELDS); // bad input is the client's 400 on any server
    agentRuns.requireModel();
    String task = body.required("task");
    if (task.isBlank()) {
      throw ApiError.field("task", "must not be blank");
    }
    Agent.Limits limits = limits(body);
    Requests.Ceiling ceiling = caller.tenant().ceiling();
    TenantRunner runner =
        new TenantRunner(
            executions,
            sessions,
            caller,
            ctx.ip(),
            Requests.policy(body.optional("policy"), ceiling),
            Requests.limits(body.optional("profile"), body.overrides(), ceiling));
    boolean stream = body.wantsEvents();
    try (AgentRuns.Run run = agentRuns.start(caller, ctx.ip(), task)) {
      if (stream) {
        EventStream events = Reply.events(ctx);
        try {
          Agent.Result result = run.work(runner, limits, steps(events));
          events.finish(body(run.id(), result));
        } finally {
          events.stop();
        }
      } else {
        Reply.json(ctx, 200, body(run.id(), run.work(runner, limits, untilStopping())));
      }
    }
  }

  void find(Context ctx) {
    String id = ctx.pathParam("id");
    Reply.json(
        ctx,
        200,
        agentRuns
            .find(Authenticator.caller(ctx), id)
            .orElseThrow(() -> new ApiError(404, "not_found", "no agent run with id " + id)));
  }

  /** The run stops when the server is stopping. */
  private Agent.Listener untilStopping() {
    return new Agent.Listener() {
      @Override
      public boolean stopped() {
        return gate.closed();
      }
    };
  }

  /** Each step as an event; the run stops when the client has gone or the server is stopping. */
  private Agent.Listener steps(EventStream events) {
    return new Agent.Listener() {
      @Override
      public void step(Agent.Step step) {
        events.send("step", step);
      }

      @Override
      public boolean stopped() {
        return events.gone() || gate.closed();
      }
    };
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
  private Agent.Limits limits(JsonBody body) {
    Agent.Limits max = agentRuns.limits();
    int steps = (int) body.whole("maxSteps", max.maxSteps());
    long tokens = body.whole("maxTokens", max.maxTokens());
    Duration time = body.duration("maxTime");
    if (time == null) {
      time = max.maxTime();
    } else if (time.isZero() || time.compareTo(max.maxTime()) > 0) {
      throw ApiError.field(
          "maxTime", "more than zero, at most " + Units.formatDuration(max.maxTime()));
    }
    return new Agent.Limits(steps, time, tokens);
  }
}
