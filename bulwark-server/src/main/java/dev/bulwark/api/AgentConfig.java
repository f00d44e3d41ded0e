package dev.bulwark.api;

import dev.bulwark.agent.Agent;
import dev.bulwark.agent.ModelSettings;
import java.time.Duration;

/**
 * The server's agent: the model the operator chose for {@code POST /v1/agent/runs}, the most a run
 * may take (a request can ask for less, never more), and how many runs go at once.
 *
 * @param model the model, or null when the server offers no agent runs
 * @param limits each run's default and maximum steps, time and tokens
 * @param maxRuns agent runs at once, all tenants together; beyond, 429
 */
public record AgentConfig(ModelSettings model, Agent.Limits limits, int maxRuns) {
  public AgentConfig {
    if (maxRuns < 1) {
      throw new IllegalArgumentException("maxRuns: at least 1");
    }
  }

  /** No model: agent runs are refused until the operator configures one. */
  public static AgentConfig disabled() {
    return new AgentConfig(null, new Agent.Limits(10, Duration.ofMinutes(5), 200_000), 4);
  }

  public boolean enabled() {
    return model != null;
  }
}
