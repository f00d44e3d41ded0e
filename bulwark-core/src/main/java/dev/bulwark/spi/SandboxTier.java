package dev.bulwark.spi;

import java.util.List;

/**
 * An isolation tier before it runs anything: what this host lets it enforce, and how to open it for
 * one engine. Made by the engine's assembly from the operator's configuration.
 */
public interface SandboxTier {
  /** The tier's name, as warm pools and requests name it: {@code bubblewrap}. */
  String name();

  /**
   * The version of what isolates, as it reports itself ({@code bwrap}'s, {@code runsc}'s), for
   * {@code bulwark doctor} and the runtimes' description; empty when it is not installed.
   */
  default String version() {
    return "";
  }

  /**
   * Checks the host without changing it: what the tier can enforce here, and for what it cannot,
   * why and the fix. {@code bulwark doctor} prints them; nothing needs to be open.
   */
  List<HostCheck> checkHost();

  /**
   * Opens the tier for one registered engine. Fails closed: when a limit could not be enforced, it
   * refuses unless the operator allowed a degraded mode, which {@link SandboxBackend#warnings()}
   * then says.
   *
   * @throws SandboxUnavailableException listing each problem and its fix
   */
  SandboxBackend open(EngineHost host);
}
