package dev.bulwark.cli;

import dev.bulwark.EgressConfig;
import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.GvisorPlatform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Option(
      names = "--runsc",
      paramLabel = "FILE",
      description = "gVisor's runsc, for the gvisor isolation tier (default: /usr/bin/runsc).")
  Path runsc;

  @Option(
      names = "--gvisor-platform",
      paramLabel = "PLATFORM",
      description =
          "How gVisor catches system calls: ptrace (the default, works anywhere) or kvm (needs a"
              + " working /dev/kvm; faster where virtualisation is direct).")
  GvisorPlatform gvisorPlatform;

  @Option(
      names = "--map-host",
      paramLabel = "NAME[:PORT]=ADDRESS:PORT",
      description =
          "Where an allow-listed name really goes, e.g. api.internal=127.0.0.1:9000, private"
              + " addresses included (the egress proxy refuses them otherwise). Repeatable.")
  List<String> mapHosts = new ArrayList<>();

  @Option(
      names = "--credential",
      paramLabel = "HOST=HEADER: VALUE",
      description =
          "A header the egress proxy adds to plain-HTTP requests for HOST, e.g."
              + " 'api.internal=Authorization: Bearer ...'; the program never sees it. Repeatable.")
  List<String> credentials = new ArrayList<>();

  @Option(
      names = "--intercept",
      paramLabel = "HOST",
      description =
          "End HTTPS to HOST in the egress proxy (sandboxes trust the engine's own CA), so that"
              + " its --credential reaches HTTPS requests too; the proxy verifies the real server."
              + " Repeatable.")
  List<String> intercept = new ArrayList<>();

  @Option(
      names = "--upstream-ca",
      paramLabel = "FILE",
      description =
          "Certificates (PEM) the egress proxy trusts besides the JDK's when it verifies an"
              + " intercepted host, e.g. an internal CA.")
  Path upstreamCa;

  EngineConfig config() {
    return over(EngineConfig.defaults());
  }

  /**
   * {@code base} with what these flags say instead; mappings and credentials add to the base's.
   *
   * @throws IllegalArgumentException naming the bad flag
   */
  EngineConfig over(EngineConfig base) {
    EngineConfig config = degraded ? base.withAllowDegraded(true) : base;
    config = stateDir == null ? config : config.withStateDir(stateDir);
    config = runsc == null ? config : config.withRunsc(runsc);
    config = gvisorPlatform == null ? config : config.withGvisorPlatform(gvisorPlatform);
    EgressConfig egress = config.egress();
    try {
      egress = egress.plusMappings(mapHosts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--map-host " + e.getMessage(), e);
    }
    try {
      egress = egress.plusCredentials(credentials);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--credential: " + e.getMessage(), e);
    }
    try {
      egress = egress.plusIntercept(intercept);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--intercept: " + e.getMessage(), e);
    }
    if (upstreamCa != null) {
      egress = egress.withIntercept(egress.intercept(), upstreamCa);
    }
    return config.withEgress(egress);
  }

  /** Starts the engine, printing any degraded-mode warning to stderr. */
  Engine start(PrintWriter err) {
    return start(config(), err);
  }

  /** Starts an engine of {@code config}, printing any degraded-mode warning to stderr. */
  static Engine start(EngineConfig config, PrintWriter err) {
    Engine engine = Engine.start(config);
    engine.warnings().forEach(w -> err.println("bulwark: WARNING: " + w));
    err.flush();
    return engine;
  }
}
