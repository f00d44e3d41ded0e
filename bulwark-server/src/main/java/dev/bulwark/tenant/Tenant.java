package dev.bulwark.tenant;

import dev.bulwark.Isolation;
import dev.bulwark.Requests;
import dev.bulwark.policy.Policies;

/**
 * Who runs code: every API key belongs to one tenant, and every execution runs under its tenant's
 * policy, within its maximum limits profile, its concurrency cap and its rate limit.
 *
 * @param id stable identifier
 * @param name unique, lower case: {@code [a-z0-9][a-z0-9_-]*}
 * @param policy a built-in policy's name or a policy file's path
 * @param maxProfile the loosest limits preset a request may ask for
 * @param isolation the weakest isolation tier its programs run in, and their default ({@code
 *     bubblewrap} or {@code gvisor}); a request may only ask for a stronger one
 * @param concurrency executions at once
 * @param ratePerMinute executions started per minute
 * @param retainContent whether the audit log keeps the code and output of its executions (else only
 *     the code's SHA-256 and the outcome)
 * @param anomalyThrottleSeconds how long a key that raised an anomaly is refused (429); 0: never,
 *     anomalies are only reported
 * @param createdAt when, ISO-8601 UTC
 */
public record Tenant(
    String id,
    String name,
    String policy,
    String maxProfile,
    String isolation,
    int concurrency,
    int ratePerMinute,
    boolean retainContent,
    int anomalyThrottleSeconds,
    String createdAt) {

  /**
   * The most this tenant's requests may ask for: its policy, which a request may only tighten, its
   * maximum profile, which is also its default, and its isolation tier, which a request may only
   * strengthen.
   *
   * @throws IllegalArgumentException when its policy file or profile no longer exists
   */
  public Requests.Ceiling ceiling() {
    return Requests.Ceiling.of(Policies.resolve(policy), maxProfile).withIsolation(tier());
  }

  /** The weakest isolation tier its programs run in. */
  public Isolation tier() {
    return Isolation.named(isolation);
  }
}
