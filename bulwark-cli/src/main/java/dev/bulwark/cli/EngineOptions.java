package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags that choose how the engine is set up on this host. */
final class EngineOptions {
  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where the engine keeps run directories and locks (default: /run/bulwark as root).")
  Path stateDir;

  @Option(
      names = "--degraded",
      description =
          "Run even when cgroup limits (memory, pids, CPU) cannot be enforced. Unsafe: development only.")
  boolean degraded;

  EngineConfig config() {
    return over(EngineConfig.defaults());
  }

  /** {@code base} with what these flags say instead. */
  EngineConfig over(EngineConfig base) {
    EngineConfig config = degraded ? base.withAllowDegraded(true) : base;
    return stateDir == null ? config : config.withStateDir(stateDir);
  }

  /** Starts the engine, printing any degraded-mode warning to stderr. */
  Engine start(java.io.PrintWriter err) {
    return start(config(), err);
  }

  /** Starts an engine of {@code config}, printing any degraded-mode warning to stderr. */
  static Engine start(EngineConfig config, java.io.PrintWriter err) {
    Engine engine = Engine.start(config);
    engine.warnings().forEach(w -> err.println("bulwark: WARNING: " + w));
    err.flush();
    return engine;
  }
}
