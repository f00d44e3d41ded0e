package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.ExecutionRequest;
import dev.bulwark.Json;
import dev.bulwark.Limits;
import dev.bulwark.agent.Agent;
import dev.bulwark.client.ExecutionResult;
import dev.bulwark.policy.Policy;
import java.nio.charset.StandardCharsets;

/**
 * Runs the programs of a model's tool calls (MCP, the agent) on this host's engine, under one
 * policy and limits profile, and answers them as the client library models them, which is what the
 * model-facing {@link dev.bulwark.client.Observation} reads.
 */
final class LocalRunner implements Agent.CodeRunner {
  private final Engine engine;
  private final Policy policy;
  private final Limits limits;

  LocalRunner(Engine engine, Policy policy, Limits limits) {
    this.engine = engine;
    this.policy = policy;
    this.limits = limits;
  }

  Policy policy() {
    return policy;
  }

  @Override
  public ExecutionResult run(String language, String code) {
    return run(language, code, "");
  }

  /**
   * @throws IllegalArgumentException when the language is unknown
   */
  ExecutionResult run(String language, String code, String stdin) {
    dev.bulwark.ExecutionResult r =
        engine.execute(
            new ExecutionRequest(
                language, code, limits, stdin.getBytes(StandardCharsets.UTF_8), policy));
    // The same JSON the HTTP API answers, read by the client's model of it.
    return Json.mapper().readValue(Json.write(r), ExecutionResult.class);
  }
}
