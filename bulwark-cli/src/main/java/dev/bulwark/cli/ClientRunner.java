package dev.bulwark.cli;

import dev.bulwark.agent.CodeRunner;
import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.BulwarkException;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.ValidationReport;
import java.util.List;

/**
 * Runs a model's code on a Bulwark server, as the key's tenant: its policy and limits, each run
 * admitted and audited there. A refusal of the server (a quota, a full machine) is one the model
 * can read. For {@code bulwark agent --server}.
 */
final class ClientRunner implements CodeRunner {
  private final BulwarkClient client;
  private final String policy;
  private final String profile;
  private final List<String> languages;

  /**
   * @param policy a built-in policy that tightens the tenant's, or null for the tenant's own
   * @param profile a limits profile within the tenant's maximum, or null for that maximum
   * @throws BulwarkException when the server cannot be reached or refuses the key
   */
  ClientRunner(BulwarkClient client, String policy, String profile) {
    this.client = client;
    this.policy = policy;
    this.profile = profile;
    this.languages = client.runtimes().stream().map(RuntimeDescription::name).toList();
  }

  @Override
  public List<String> languages() {
    return languages;
  }

  @Override
  public ExecutionResult run(String language, String code, String stdin) {
    ExecutionRequest request =
        ExecutionRequest.of(language, code)
            .withStdin(stdin)
            .withPolicy(policy)
            .withProfile(profile);
    try {
      return client.execute(request);
    } catch (BulwarkException e) {
      throw refused(e);
    }
  }

  @Override
  public ValidationReport validate(String language, String code) {
    try {
      return client.validate(language, code, policy);
    } catch (BulwarkException e) {
      throw refused(e);
    }
  }

  @Override
  public List<RuntimeDescription> runtimes() {
    return client.runtimes();
  }

  /** A field the model got wrong is its argument's fault; anything else a refusal it reads. */
  private static RuntimeException refused(BulwarkException e) {
    return e.status() == 400
        ? new IllegalArgumentException(e.getMessage(), e)
        : new CodeRunner.Refused(e.code(), e.getMessage());
  }
}
