package dev.bulwark;

import dev.bulwark.internal.net.Hosts;
import dev.bulwark.model.FigureFormat;
import dev.bulwark.model.Limits;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a session is opened with ({@link Engine#openSession}). Immutable.
 *
 * <p>The limits split as DESIGN.md §4b says: {@code memoryBytes}, {@code pids}, {@code cpus},
 * {@code tmpfsBytes} (the workspace's size), {@code fileSizeBytes} and {@code openFiles} bound the
 * whole session; {@code wallTimeout}, {@code cpuTime} and {@code outputBytes} bound each cell (a
 * {@link Cell} may ask for another wall clock).
 *
 * @param language a runtime name or alias
 * @param limits the session's limits
 * @param policy the validation policy every cell must pass ({@code standard} when null); whoever
 *     builds the spec has already tightened it to what the caller may ask for
 * @param network the hosts the session may reach through the egress proxy, each one covered by the
 *     policy's {@link Policy#networkAllow()}; null for the policy's whole allow-list, empty for
 *     none
 * @param tier the isolation tier, by name ({@code bubblewrap}); null for the engine's own
 * @param figures how charts are captured ({@link FigureFormat#PNG} when null)
 * @param idleTimeout the session ends once no cell or file operation came for this long ({@link
 *     #DEFAULT_IDLE}, 15 minutes, when null)
 * @param maxLifetime the session ends this long after it opened, whatever it does ({@link
 *     #DEFAULT_LIFETIME}, 4 hours, when null)
 */
public record SessionSpec(
    String language,
    Limits limits,
    Policy policy,
    List<String> network,
    String tier,
    FigureFormat figures,
    Duration idleTimeout,
    Duration maxLifetime) {

  /** The idle timeout of a spec that names none. */
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);

  /** The lifetime of a spec that names none. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(4);

  /**
   * @throws NullPointerException without a language or limits
   * @throws IllegalArgumentException for a host the policy does not allow
   */
  public SessionSpec {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(limits, "limits");
    policy = policy == null ? Policies.standard() : policy;
    if (network != null) {
      for (String host : network) {
        if (!Hosts.covers(policy.networkAllow(), Hosts.normalisePattern(host))) {
          throw new IllegalArgumentException(
              "network: the policy '" + policy.name() + "' does not allow " + host);
        }
      }
      network = network.stream().map(Hosts::normalisePattern).distinct().toList();
    }
    figures = figures == null ? FigureFormat.PNG : figures;
    idleTimeout = idleTimeout == null ? DEFAULT_IDLE : idleTimeout;
    maxLifetime = maxLifetime == null ? DEFAULT_LIFETIME : maxLifetime;
    if (idleTimeout.toMillis() < 100 || maxLifetime.toMillis() < 100) {
      throw new IllegalArgumentException("idleTimeout and maxLifetime must be at least 100ms");
    }
  }

  /** A session of {@code language} under {@code limits} and the {@code standard} policy. */
  public static SessionSpec of(String language, Limits limits) {
    return new SessionSpec(language, limits, null, null, null, null, null, null);
  }

  public SessionSpec withPolicy(Policy value) {
    return new SessionSpec(
        language, limits, value, network, tier, figures, idleTimeout, maxLifetime);
  }

  public SessionSpec withNetwork(List<String> value) {
    return new SessionSpec(
        language, limits, policy, value, tier, figures, idleTimeout, maxLifetime);
  }

  public SessionSpec withTier(String value) {
    return new SessionSpec(
        language, limits, policy, network, value, figures, idleTimeout, maxLifetime);
  }

  public SessionSpec withFigures(FigureFormat value) {
    return new SessionSpec(
        language, limits, policy, network, tier, value, idleTimeout, maxLifetime);
  }

  public SessionSpec withIdleTimeout(Duration value) {
    return new SessionSpec(language, limits, policy, network, tier, figures, value, maxLifetime);
  }

  public SessionSpec withMaxLifetime(Duration value) {
    return new SessionSpec(language, limits, policy, network, tier, figures, idleTimeout, value);
  }

  /** The hosts the session may reach: {@link #network()}, else the policy's allow-list. */
  public List<String> allowedHosts() {
    return network != null ? network : policy.networkAllow();
  }
}
