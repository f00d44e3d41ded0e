package dev.bulwark.api;

import dev.bulwark.agent.Agent;
import dev.bulwark.agent.CodeRunner;
import dev.bulwark.audit.AgentRunLog;
import dev.bulwark.tenant.ApiKeys;
import dev.langchain4j.model.chat.ChatModel;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * The server's agent: the operator's model working on a caller's task, at most {@code maxRuns} runs
 * at once, each run's transcript kept ({@link AgentRunLog}).
 */
final class AgentRuns {
  private final AgentRunLog log;
  private final AgentConfig config;
  private final ChatModel model;
  private final Semaphore slots;

  /**
   * @throws IllegalArgumentException when the configured model cannot be built (e.g. no key)
   */
  AgentRuns(AgentRunLog log, AgentConfig config) {
    this.log = log;
    this.config = config;
    this.model = config.enabled() ? config.model().chatModel(System.getenv()) : null;
    this.slots = new Semaphore(config.maxRuns());
  }

  /** The most a run may take; a request may ask for less. */
  Agent.Limits limits() {
    return config.limits();
  }

  /**
   * Refuses agent runs on a server without a model.
   *
   * @throws ApiError 503 when the operator configured none
   */
  void requireModel() {
    if (model == null) {
      throw new ApiError(
          503,
          "agent_not_configured",
          "this server has no model for agent runs; its operator sets agent.provider in"
              + " bulwark.yaml");
    }
  }

  /**
   * Starts a run: takes one of the server's slots and logs the run as started.
   *
   * @throws ApiError 429 when every slot is taken
   */
  Run start(ApiKeys.Caller caller, String client, String task) {
    requireModel();
    if (!slots.tryAcquire()) {
      throw new ApiError(
          429,
          "agent_runs_limit",
          "the server already runs " + config.maxRuns() + " agent runs",
          Map.of("retryAfterSeconds", 5L));
    }
    try {
      Run run = new Run(caller, task);
      log.started(
          new AgentRunLog.Started(
              run.id,
              caller.tenant(),
              caller.keyId(),
              client,
              config.model().provider().toString(),
              config.model().modelOrDefault(),
              task));
      return run;
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  /** The kept transcript of one of the tenant's runs. */
  Optional<AgentRunLog.Record> find(ApiKeys.Caller caller, String id) {
    return log.find(caller.tenant().id(), id);
  }

  /** A started run; {@link #close()} logs it as failed when it did not end, and frees its slot. */
  final class Run implements AutoCloseable {
    private final String id = UUID.randomUUID().toString();
    private final ApiKeys.Caller caller;
    private final String task;
    private boolean ended;

    private Run(ApiKeys.Caller caller, String task) {
      this.caller = caller;
      this.task = task;
    }

    String id() {
      return id;
    }

    /** Works on the task, the model's code run by {@code runner}, and keeps the transcript. */
    Agent.Result work(CodeRunner runner, Agent.Limits limits, Agent.Listener listener) {
      Agent.Result result = new Agent(model, runner, limits).run(task, listener);
      ended = true;
      log.finished(id, result, caller.tenant().retainContent());
      return result;
    }

    @Override
    public void close() {
      try {
        if (!ended) {
          log.failed(id);
        }
      } finally {
        slots.release();
      }
    }
  }
}
