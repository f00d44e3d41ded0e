package dev.bulwark.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Units;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a session is opened with ({@link BulwarkClient#openSession(SessionOptions)}): the body of
 * {@code POST /v1/sessions}. Only the language is required; the rest falls back to what the key's
 * tenant is allowed. Immutable.
 *
 * @param language a runtime name or alias
 * @param profile a limits profile within the tenant's maximum, or null for its default
 * @param policy a built-in policy that tightens the tenant's, or null
 * @param limits overrides of the profile (a session may also set {@code fileSize} and {@code
 *     tmpfsSize}, its workspace); null for none
 * @param network the hosts the session may reach, each allowed by its policy; null for the policy's
 * @param ttl how long it may idle before it ends, in the duration grammar ({@code 10m}); null for
 *     the server's default
 * @param isolation the isolation tier, or null for the server's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionOptions(
    String language,
    String profile,
    String policy,
    LimitOverrides limits,
    List<String> network,
    String ttl,
    String isolation) {
  public SessionOptions {
    Objects.requireNonNull(language, "language");
    network = network == null ? null : List.copyOf(network);
  }

  /** A session of {@code language} with the tenant's policy and default limits. */
  public static SessionOptions of(String language) {
    return new SessionOptions(language, null, null, null, null, null, null);
  }

  public SessionOptions withProfile(String value) {
    return new SessionOptions(language, value, policy, limits, network, ttl, isolation);
  }

  public SessionOptions withPolicy(String value) {
    return new SessionOptions(language, profile, value, limits, network, ttl, isolation);
  }

  public SessionOptions withLimits(LimitOverrides value) {
    return new SessionOptions(language, profile, policy, value, network, ttl, isolation);
  }

  public SessionOptions withNetwork(List<String> value) {
    return new SessionOptions(language, profile, policy, limits, value, ttl, isolation);
  }

  public SessionOptions withTtl(Duration value) {
    return new SessionOptions(
        language, profile, policy, limits, network, Units.formatDuration(value), isolation);
  }

  public SessionOptions withIsolation(String value) {
    return new SessionOptions(language, profile, policy, limits, network, ttl, value);
  }
}
