package dev.bulwark.internal.run;

import dev.bulwark.EngineConfig;
import dev.bulwark.internal.egress.EgressProxy;
import dev.bulwark.internal.host.HostRegistry;
import dev.bulwark.internal.host.HostUser;
import dev.bulwark.internal.host.StateDir;
import dev.bulwark.internal.host.UidLeases;
import dev.bulwark.internal.runtime.RunnerFiles;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.spi.EgressSession;
import dev.bulwark.spi.EngineHost;
import dev.bulwark.spi.SandboxUnavailableException;
import dev.bulwark.spi.UidLease;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This engine as registered on the host, and what it shares with its tier ({@link EngineHost}): its
 * entry and lock in the {@link HostRegistry}, its {@link StateDir}, its {@link UidLeases}, the
 * runner files and the egress proxy.
 *
 * <p>Invariants: the engine is registered (its lock held) before anything named after its id
 * exists, and stays registered until {@link #close}, which removes its directory and then its lock.
 * What dead engines left is swept only through the registry's say ({@link #sweepDeadEngines}),
 * never by age or name alone. Thread-safe after {@link #open}.
 */
public final class RegisteredEngine implements EngineHost, AutoCloseable {
  private final HostRegistry registry;
  private final StateDir state;
  private final UidLeases uids;
  private final EgressProxy egress;
  private final Path runners;
  private final AtomicLong sandboxes = new AtomicLong();

  private RegisteredEngine(
      HostRegistry registry, StateDir state, UidLeases uids, EgressProxy egress, Path runners) {
    this.registry = registry;
    this.state = state;
    this.uids = uids;
    this.egress = egress;
    this.runners = runners;
  }

  /**
   * Registers the engine host-wide and prepares its directory, runners and egress proxy.
   *
   * @throws SandboxUnavailableException when the state directory or the runners cannot be made
   * @throws IllegalArgumentException when the egress configuration cannot be used (its CA file)
   */
  public static RegisteredEngine open(EngineConfig config, Runtimes runtimes) {
    HostRegistry registry = HostRegistry.register(HostUser.runtimeDir());
    StateDir state;
    try {
      state = StateDir.open(config.stateDir(), registry.engineId(), HostUser.isRoot());
    } catch (RuntimeException e) {
      registry.close();
      throw new SandboxUnavailableException(List.of(e.getMessage()));
    }
    try {
      EgressProxy egress = new EgressProxy(config.egress());
      Path runners = RunnerFiles.write(state.engineDir().resolve("runners"), runtimes);
      UidLeases uids =
          new UidLeases(
              registry, config.sandboxUidBase(), config.sandboxUidCount(), HostUser.isRoot());
      return new RegisteredEngine(registry, state, uids, egress, runners);
    } catch (IllegalArgumentException e) {
      close(state, registry);
      throw e;
    } catch (RuntimeException e) {
      close(state, registry);
      throw new SandboxUnavailableException(List.of(e.getMessage()));
    }
  }

  /** Removes the directories and registry entries of engines that are dead. */
  public void sweepDeadEngines() {
    state.removeDeadEngines(registry);
    registry.forgetDeadEngines();
  }

  @Override
  public String engineId() {
    return registry.engineId();
  }

  @Override
  public Path directory() {
    return state.engineDir();
  }

  @Override
  public String newSandboxName() {
    return engineId() + "." + sandboxes.incrementAndGet();
  }

  @Override
  public boolean isDeadEngine(String engineId) {
    return registry.isDeadEngine(engineId);
  }

  @Override
  public UidLease leaseUid() {
    return uids.lease();
  }

  @Override
  public Path runners() {
    return runners;
  }

  @Override
  public EgressSession openEgress(Path socket, List<String> allow) throws IOException {
    return egress.open(socket, allow);
  }

  @Override
  public Optional<String> egressCaPem() {
    return egress.caPem();
  }

  /** Removes the engine's directory, then unregisters it. */
  @Override
  public void close() {
    close(state, registry);
  }

  private static void close(StateDir state, HostRegistry registry) {
    try {
      state.close();
    } finally {
      registry.close();
    }
  }
}
