package dev.bulwark.api;

import dev.bulwark.Job;
import dev.bulwark.agent.CodeRunner;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Limits;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.ValidationReport;
import dev.bulwark.policy.Policy;
import dev.bulwark.tenant.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A model's code run as one caller (agent runs, MCP): under the caller's policy and limits,
 * admitted and audited as any execution of the API. A refusal of the server (a quota, a full
 * machine) is one the model can read.
 */
final class TenantRunner implements CodeRunner {
  private final Executions executions;
  private final ApiKeys.Caller caller;
  private final String client;
  private final Policy policy;
  private final Limits limits;

  TenantRunner(
      Executions executions, ApiKeys.Caller caller, String client, Policy policy, Limits limits) {
    this.executions = executions;
    this.caller = caller;
    this.client = client;
    this.policy = policy;
    this.limits = limits;
  }

  @Override
  public List<String> languages() {
    return executions.languages();
  }

  @Override
  public ExecutionResult run(String language, String code, String stdin) {
    executions.requireLanguage(language);
    Job request =
        new Job(language, code, limits, stdin.getBytes(StandardCharsets.UTF_8), policy)
            .withIsolation(caller.tenant().tier());
    try {
      return executions.run(caller, client, request);
    } catch (ApiError e) {
      throw new Refused(e.code(), e.getMessage());
    }
  }

  @Override
  public ValidationReport validate(String language, String code) {
    executions.requireLanguage(language);
    try {
      return executions.validate(caller, language, code, policy);
    } catch (ApiError e) {
      throw new Refused(e.code(), e.getMessage());
    }
  }

  @Override
  public List<RuntimeDescription> runtimes() {
    return executions.runtimes();
  }
}
