package dev.bulwark.agent;

import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.BulwarkException;
import dev.bulwark.client.ExecutionRequest;
import dev.bulwark.client.ExecutionResult;
import dev.bulwark.model.Json;
import dev.bulwark.model.RuntimeDescription;
import java.util.List;
import java.util.Map;

/**
 * Runs a model's code on a Bulwark server, as the key's tenant: its policy and limits, each run
 * admitted and audited there. A refusal of the server (a quota, a full machine) is one the model
 * can read.
 */
public final class ClientRunner implements CodeRunner {
  private final BulwarkClient client;
  private final String policy;
  private final String profile;
  private final List<String> languages;

  /**
   * @param policy a built-in policy that tightens the tenant's, or null for the tenant's own
   * @param profile a limits profile within the tenant's maximum, or null for that maximum
   * @throws BulwarkException when the server cannot be reached or refuses the key
   */
  public ClientRunner(BulwarkClient client, String policy, String profile) {
    this.client = client;
    this.policy = policy;
    this.profile = profile;
    this.languages =
        client.runtimes().stream().map(dev.bulwark.client.RuntimeDescription::name).toList();
  }

  @Override
  public List<String> languages() {
    return languages;
  }

  @Override
  public ExecutionResult run(String language, String code, String stdin) {
    ExecutionRequest request = ExecutionRequest.of(language, code).withStdin(stdin);
    request = policy == null ? request : request.withPolicy(policy);
    request = profile == null ? request : request.withProfile(profile);
    try {
      return client.execute(request);
    } catch (BulwarkException e) {
      throw refused(e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> validate(String language, String code) {
    try {
      return Json.mapper().convertValue(client.validate(language, code, policy), Map.class);
    } catch (BulwarkException e) {
      throw refused(e);
    }
  }

  @Override
  public List<RuntimeDescription> runtimes() {
    return client.runtimes().stream()
        .map(r -> Json.mapper().convertValue(r, RuntimeDescription.class))
        .toList();
  }

  /** A field the model got wrong is its argument's fault; anything else a refusal it reads. */
  private static RuntimeException refused(BulwarkException e) {
    return e.status() == 400
        ? new IllegalArgumentException(e.getMessage(), e)
        : new CodeRunner.Refused(e.code(), e.getMessage());
  }
}
