package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.api.ApiServer;
import dev.bulwark.api.ServerConfig;
import dev.bulwark.policy.Policies;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API until stopped (Ctrl-C or SIGTERM).",
      "On first start, with no tenant in the data directory, it creates the tenant 'default' and an"
          + " admin key, and prints the key once."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      description =
          "Executions at once, all tenants together (default: 2 per core, 1 per 512 MiB).")
  Integer maxConcurrent;

  @Option(
      names = "--queue-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "How long a request waits for a free slot before a 429 (default: ${DEFAULT-VALUE}).")
  String queueTimeout;

  @Option(
      names = "--pool",
      paramLabel = "RUNTIME[:PROFILE]=SIZE",
      split = ",",
      defaultValue = "python:default=4,javascript:default=2",
      description =
          "Warm pools: sandboxes started ahead, per runtime and limits profile, that wait for their"
              + " program. Repeatable; given at all, replaces the defaults (${DEFAULT-VALUE});"
              + " SIZE 0 turns a pool off.")
  java.util.List<String> pools;

  @Mixin DataOptions data;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  /** The server's settings from the flags; a bad value throws IllegalArgumentException. */
  private ServerConfig settings() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0-65535");
    }
    ServerConfig defaults = ServerConfig.defaults(host, port);
    int slots = maxConcurrent == null ? defaults.maxConcurrent() : maxConcurrent;
    if (slots < 1) {
      throw new IllegalArgumentException("--max-concurrent must be at least 1");
    }
    java.time.Duration timeout;
    try {
      timeout = dev.bulwark.Units.parseDuration(queueTimeout);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--queue-timeout: " + e.getMessage(), e);
    }
    return defaults.withConcurrency(slots, timeout, 8 * slots);
  }

  /** The engine's settings: those of the engine flags, and the warm pools. */
  private dev.bulwark.EngineConfig engineConfig() {
    return engineOptions
        .config()
        .withWarmPools(pools.stream().map(dev.bulwark.WarmPoolSpec::parse).toList());
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig settings = settings();
    dev.bulwark.EngineConfig engineConfig =
        engineConfig(); // bad flags stop here, before any change
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch stopped = new CountDownLatch(1);
    try (Store store = data.open();
        Engine engine = EngineOptions.start(engineConfig, err)) {
      Tenants tenants = new Tenants(store.dataSource());
      if (tenants.list().isEmpty()) {
        tenants.create("default", Policies.DEFAULT, "default", 8, 600, false, 0);
        ApiKeys.Issued admin = new ApiKeys(store.dataSource()).issue("default", "admin");
        out.println("bulwark: first start: tenant 'default' and its admin key (shown once):");
        out.println(admin.token());
      }
      try (ApiServer server = ApiServer.start(engine, store, settings)) {
        out.println("bulwark: serving on http://" + host + ":" + server.port());
        err.println(
            "bulwark: up to "
                + settings.maxConcurrent()
                + " executions at once, "
                + settings.maxQueued()
                + " waiting; warm pools: "
                + (engine.warmPools().isEmpty()
                    ? "none"
                    : engine.warmPools().stream()
                        .map(p -> p.runtime() + ":" + p.profile() + "=" + p.size())
                        .collect(java.util.stream.Collectors.joining(", "))));
        out.flush();
        Thread hook = new Thread(stopped::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
      }
    }
    return 0;
  }
}
