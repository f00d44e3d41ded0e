package dev.bulwark.internal.run;

import dev.bulwark.spi.EngineHost;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxTier;
import dev.bulwark.spi.SandboxUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The isolation tiers of one engine, opened at its start: the first is the default, which must open
 * (the engine fails closed without it), as must every tier a warm pool names; another that cannot
 * open on this host is left out, and a job that asks for it is refused with the reasons.
 *
 * <p>Invariants: every open backend has recovered what dead engines left before anything of this
 * engine runs; {@link #close} closes each once. Thread-safe after {@link #open}.
 */
public final class Tiers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Tiers.class);

  private final String defaultTier;
  private final Map<String, SandboxTier> tiers;
  private final Map<String, SandboxBackend> open;
  private final Map<String, List<String>> unavailable;

  private Tiers(
      String defaultTier,
      Map<String, SandboxTier> tiers,
      Map<String, SandboxBackend> open,
      Map<String, List<String>> unavailable) {
    this.defaultTier = defaultTier;
    this.tiers = tiers;
    this.open = open;
    this.unavailable = unavailable;
  }

  /**
   * Opens each tier for the engine and recovers what dead engines left of it.
   *
   * @param required the names of the tiers that must open besides the default
   * @throws SandboxUnavailableException when a required tier cannot open, with its problems
   */
  public static Tiers open(List<SandboxTier> tiers, EngineHost host, Set<String> required) {
    Map<String, SandboxTier> byName = new LinkedHashMap<>();
    Map<String, SandboxBackend> open = new LinkedHashMap<>();
    Map<String, List<String>> unavailable = new LinkedHashMap<>();
    String defaultTier = tiers.getFirst().name();
    try {
      for (SandboxTier tier : tiers) {
        byName.put(tier.name(), tier);
        try {
          SandboxBackend backend = tier.open(host);
          open.put(tier.name(), backend);
          backend.recover(); // what dead engines left, before anything of ours runs
        } catch (SandboxUnavailableException e) {
          if (tier.name().equals(defaultTier) || required.contains(tier.name())) {
            throw e;
          }
          LOG.debug("tier {} is not available here: {}", tier.name(), e.problems());
          unavailable.put(tier.name(), e.problems());
        }
      }
    } catch (RuntimeException e) {
      open.values().forEach(Tiers::closeQuietly);
      throw e;
    }
    for (String name : required) {
      if (!byName.containsKey(name)) {
        open.values().forEach(Tiers::closeQuietly);
        throw new IllegalArgumentException("no isolation tier '" + name + "' in this engine");
      }
    }
    return new Tiers(defaultTier, byName, open, unavailable);
  }

  /** The tier of jobs that name none. */
  public String defaultTier() {
    return defaultTier;
  }

  /**
   * The backend of a tier, the default's for null.
   *
   * @throws SandboxUnavailableException when the tier could not open on this host, with why
   * @throws IllegalArgumentException when the engine has no such tier
   */
  public SandboxBackend backend(String tier) {
    String name = tier == null ? defaultTier : tier;
    SandboxBackend backend = open.get(name);
    if (backend != null) {
      return backend;
    }
    List<String> problems = unavailable.get(name);
    if (problems != null) {
      throw new SandboxUnavailableException(
          problems.stream().map(p -> "isolation " + name + ": " + p).toList());
    }
    throw new IllegalArgumentException(
        "no isolation tier '" + name + "': this engine has " + tiers.keySet());
  }

  /** The open backends, the default's first. */
  public Collection<SandboxBackend> backends() {
    return open.values();
  }

  /** Every tier, open or not, in the order given. */
  public Collection<SandboxTier> all() {
    return tiers.values();
  }

  /** Why a tier could not open; empty when it is open. */
  public List<String> problems(String tier) {
    return unavailable.getOrDefault(tier, List.of());
  }

  /** What the open tiers run without; see {@link SandboxBackend#warnings()}. */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    open.values().forEach(b -> warnings.addAll(b.warnings()));
    return warnings;
  }

  @Override
  public void close() {
    open.values().forEach(Tiers::closeQuietly);
  }

  private static void closeQuietly(SandboxBackend backend) {
    try {
      backend.close();
    } catch (RuntimeException e) {
      LOG.warn("tier {} failed to close: {}", backend.tier(), e.toString());
    }
  }
}
