package dev.bulwark.cli;

import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The policy flags shared by commands that validate code. */
final class PolicyOptions {
  @Option(
      names = "--policy",
      paramLabel = "NAME|FILE",
      defaultValue = Policies.DEFAULT,
      description =
          "Validation policy: standard, strict, audit, or a policy file (YAML). Default: ${DEFAULT-VALUE}.")
  String policy;

  @Option(
      names = "--allow-domain",
      paramLabel = "HOST",
      description =
          "Add a host to the policy's network allow-list: api.example.com, *.example.com, with an"
              + " optional :port. Repeatable.")
  List<String> allowDomains = new ArrayList<>();

  /**
   * The chosen policy with the extra hosts; a bad name, file or host throws
   * IllegalArgumentException.
   */
  Policy resolve() {
    Policy p = Policies.resolve(policy);
    try {
      return allowDomains.isEmpty() ? p : p.withAllowedHosts(allowDomains);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--allow-domain: " + e.getMessage(), e);
    }
  }

  /**
   * The policy to send a server, where the tenant's applies: null unless {@code --policy} names a
   * built-in one that tightens it; {@code --allow-domain} cannot widen it.
   *
   * @throws IllegalArgumentException for a policy file or {@code --allow-domain}
   */
  String forServer(CommandSpec spec) {
    if (!allowDomains.isEmpty()) {
      throw new IllegalArgumentException(
          "--allow-domain cannot widen a tenant's policy (--server)");
    }
    if (!spec.commandLine().getParseResult().hasMatchedOption("--policy")) {
      return null;
    }
    if (!Policies.BUILT_IN.contains(policy)) {
      throw new IllegalArgumentException("with --server, --policy is one of " + Policies.BUILT_IN);
    }
    return policy;
  }
}
