package dev.bulwark.policy;

import java.util.regex.Pattern;

/** What the rules of every language check alike: module allow-lists, no network, host secrets. */
final class SharedChecks {
  /** Host secrets and other processes' data, as paths in string constants. */
  static final Pattern SECRETS =
      Pattern.compile(
          "^/etc/(shadow|gshadow|sudoers|passwd)\\b|^/proc/[^/]+/(environ|cmdline|root)\\b"
              + "|\\.ssh/|\\.aws/credentials|\\.kube/config|/run/secrets|\\.netrc\\b"
              + "|\\.git-credentials|\\.docker/config\\.json|^/root/");

  /** Advice when the policy allows no host at all. */
  static final String NO_NETWORK = "do not use the network; work with the data you were given";

  private SharedChecks() {}

  /** A module the policy does not allow, with the list the agent may choose from. */
  static Hit moduleNotAllowed(
      RuleInfo rule, Summary.Positioned where, String module, Policy policy) {
    return Hit.at(
        rule,
        where,
        "the module '" + module + "' is not allowed by the policy '" + policy.name() + "'",
        policy.modulesAllow().isEmpty()
            ? "do not use " + module
            : "use only these modules: " + String.join(", ", policy.modulesAllow()));
  }

  /** A network module under a policy that allows no host: it cannot work in the sandbox. */
  static Hit networkWithoutHosts(RuleInfo rule, Summary.Positioned where, String module) {
    return Hit.at(
        rule,
        where,
        "uses " + module + ", but no host is allowed: this sandbox has no network",
        NO_NETWORK);
  }
}
