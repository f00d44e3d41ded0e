package dev.bulwark;

import dev.bulwark.model.FigureFormat;
import dev.bulwark.model.Limits;
import dev.bulwark.policy.Hosts;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
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
 */
public record SessionSpec(
    String language,
    Limits limits,
    Policy policy,
    List<String> network,
    String tier,
    FigureFormat figures) {

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
  }

  /** A session of {@code language} under {@code limits} and the {@code standard} policy. */
  public static SessionSpec of(String language, Limits limits) {
    return new SessionSpec(language, limits, null, null, null, null);
  }

  public SessionSpec withPolicy(Policy value) {
    return new SessionSpec(language, limits, value, network, tier, figures);
  }

  public SessionSpec withNetwork(List<String> value) {
    return new SessionSpec(language, limits, policy, value, tier, figures);
  }

  public SessionSpec withTier(String value) {
    return new SessionSpec(language, limits, policy, network, value, figures);
  }

  public SessionSpec withFigures(FigureFormat value) {
    return new SessionSpec(language, limits, policy, network, tier, value);
  }

  /** The hosts the session may reach: {@link #network()}, else the policy's allow-list. */
  public List<String> allowedHosts() {
    return network != null ? network : policy.networkAllow();
  }
}
