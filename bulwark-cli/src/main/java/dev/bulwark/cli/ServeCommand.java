package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.api.ApiServer;
import dev.bulwark.api.ServerConfig;
import dev.bulwark.config.ConfigFile;
import dev.bulwark.model.Units;
import dev.bulwark.policy.Policies;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API until stopped (Ctrl-C or SIGTERM): then new requests get 503, running"
          + " executions have server.shutdownGrace (30s) to finish and are then cancelled, every"
          + " sandbox is removed, and it exits 0. A second signal exits at once.",
      "On first start, with no tenant in the data directory, it creates the tenant 'default' and an"
          + " admin key (an operator's key, which may also read /metrics), and prints the key once."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", description = "Address to listen on (default: 127.0.0.1).")
  String host;

  @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: 8080).")
  Integer port;

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      description =
          "Executions at once, all tenants together (default: 2 per core, 1 per 512 MiB).")
  Integer maxConcurrent;

  @Option(
      names = "--queue-timeout",
      paramLabel = "DURATION",
      description = "How long a request waits for a free slot before a 429 (default: 10s).")
  Duration queueTimeout;

  @Option(
      names = "--pool",
      paramLabel = "RUNTIME[:PROFILE[:ISOLATION]]=SIZE",
      split = ",",
      description =
          "Warm pools: sandboxes started ahead, per runtime, limits profile and isolation tier"
              + " (bubblewrap unless named, e.g. python:default:gvisor=4), that wait for their"
              + " program. Repeatable; given at all, replaces the configured pools (default:"
              + " python:default=4,javascript:default=2); SIZE 0 turns a pool off.")
  List<WarmPoolSpec> pools;

  @Option(
      names = "--max-source",
      paramLabel = "SIZE",
      description = "The largest program a request may send (default: 1m); 413 beyond.")
  ByteSize maxSource;

  @Mixin DataOptions data;

  @Mixin ConfigOptions configOptions;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  /**
   * The configuration: the defaults, then the file, then the flags given.
   *
   * @throws IllegalArgumentException naming the bad flag or key
   */
  ConfigFile effective() {
    ConfigFile file = configOptions.load(data);
    ServerConfig s = file.server();
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("--port must be 0-65535");
    }
    String h = host == null ? s.host() : host;
    int p = port == null ? s.port() : port;
    int slots = maxConcurrent == null ? s.maxConcurrent() : maxConcurrent;
    if (slots < 1) {
      throw new IllegalArgumentException("--max-concurrent must be at least 1");
    }
    Duration timeout = queueTimeout == null ? s.queueTimeout() : queueTimeout;
    int queued = maxConcurrent == null ? s.maxQueued() : 8 * slots;
    EngineConfig engine = engineOptions.over(file.engine());
    if (pools != null) {
      engine = engine.withWarmPools(pools);
    }
    long source = maxSource == null ? s.maxSourceBytes() : maxSource.bytes();
    return new ConfigFile(
        new ServerConfig(
            h,
            p,
            slots,
            timeout,
            queued,
            s.agent(),
            source,
            s.connections(),
            s.shutdownGrace(),
            s.sessions()),
        engine);
  }

  @Override
  public Integer call() throws InterruptedException {
    ConfigFile config = effective(); // bad flags and files stop here, before any change
    ServerConfig settings = config.server();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StopSignals signals = StopSignals.install(); // from here on, a signal stops gracefully
    try (Store store = data.open();
        Engine engine = EngineOptions.start(config.engine(), err)) {
      Tenants tenants = new Tenants(store.dataSource());
      if (tenants.list().isEmpty()) {
        tenants.create("default", Policies.DEFAULT, "default", 8, 600, false, 0);
        ApiKeys.Issued admin = new ApiKeys(store.dataSource()).issue("default", "admin", true);
        out.println("bulwark: first start: tenant 'default' and its admin key (shown once):");
        out.println(admin.token());
      }
      try (ApiServer server = ApiServer.start(engine, store, settings)) {
        out.println("bulwark: serving on http://" + settings.host() + ":" + server.port());
        err.println(
            "bulwark: up to "
                + settings.maxConcurrent()
                + " executions at once, "
                + settings.maxQueued()
                + " waiting; warm pools: "
                + pools(engine.warmPools())
                + "; session pools: "
                + pools(engine.sessionPools()));
        out.flush();
        signals.await();
        err.println(
            "bulwark: stopping: new requests get 503; running executions have "
                + Units.formatDuration(settings.shutdownGrace())
                + " to finish, then are cancelled");
        err.flush();
      }
    }
    return ExitCode.OK;
  }

  private static String pools(List<WarmPoolStats> pools) {
    return pools.isEmpty()
        ? "none"
        : pools.stream()
            .map(p -> p.runtime() + ":" + p.profile() + "=" + p.size())
            .collect(Collectors.joining(", "));
  }
}
