package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Job;
import dev.bulwark.agent.CodeRunner;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Limits;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.ValidationReport;
import dev.bulwark.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a model's code on this host's engine under one policy and limits profile, with no tenant and
 * no audit record: for {@code bulwark mcp} and {@code bulwark agent}.
 */
final class EngineRunner implements CodeRunner {
  private final Engine engine;
  private final Policy policy;
  private final Limits limits;

  EngineRunner(Engine engine, Policy policy, Limits limits) {
    this.engine = engine;
    this.policy = policy;
    this.limits = limits;
  }

  @Override
  public List<String> languages() {
    return engine.languages();
  }

  @Override
  public ExecutionResult run(String language, String code, String stdin) {
    return engine.execute(
        new Job(language, code, limits, stdin.getBytes(StandardCharsets.UTF_8), policy));
  }

  @Override
  public ValidationReport validate(String language, String code) {
    return engine.validate(language, code, policy).report(policy.name());
  }

  @Override
  public List<RuntimeDescription> runtimes() {
    return engine.describeRuntimes();
  }
}
