package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.audit.AuditRecord;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of executions through one server, from concurrent clients, warm and cold: no error, and,
 * judged from the host once the load is over, nothing left behind that was not there before (child
 * processes, run directories, open descriptors), and one terminal audit record per execution. The
 * 10,000-execution run of docs/benchmarks.md is the long form of this test.
 */
class SustainedLoadTest {
  private static final int EXECUTIONS = 400;
  private static final int CLIENTS = 6;

  @Test
  void manyExecutionsLeaveNothingBehind(@TempDir Path data, @TempDir Path state) throws Exception {
    // A state directory of its own: other engines on the host (other builds' tests) keep theirs
    // in the default one, and their run directories are not this server's to count.
    EngineConfig config =
        EngineConfig.defaults()
            .withStateDir(state)
            .withWarmPools(List.of(new WarmPoolSpec("python", "default", 2)));
    try (Engine engine = Engine.start(config);
        Store store = Store.open(data)) {
      new Tenants(store.dataSource()).create("load", "standard", "default", 8, 1_000_000, false, 0);
      String key = new ApiKeys(store.dataSource()).issue("load", "test").token();
      try (ApiServer server =
          ApiServer.start(engine, store, ServerConfig.defaults("127.0.0.1", 0))) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request =
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/v1/executions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"language\": \"python\", \"code\": \"print(sum(range(10)))\"}"))
                .build();
        http.send(request, HttpResponse.BodyHandlers.ofString()); // the client's own connection
        Snapshot before = awaitQuiet(engine, config);

        List<Future<String>> replies = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
          for (int i = 0; i < EXECUTIONS; i++) {
            replies.add(
                clients.submit(
                    () -> http.send(request, HttpResponse.BodyHandlers.ofString()).body()));
          }
        }
        for (Future<String> reply : replies) {
          assertThat(reply.get()).contains("\"status\":\"OK\"").contains("\"stdout\":\"45\\n\"");
        }
        assertThat(engine.warmPools().getFirst().hits()).as("some ran warm").isPositive();
        assertThat(engine.warmPools().getFirst().misses()).as("some ran cold").isPositive();

        Snapshot after = awaitQuiet(engine, config);
        assertThat(after.sandboxProcesses())
            .as("processes of sandboxes (the waiting ones)")
            .isEqualTo(before.sandboxProcesses());
        assertThat(after.launchers())
            .as("staged launchers")
            .isLessThanOrEqualTo(config.stagedLaunchers());
        assertThat(after.runDirs()).as("run directories").isEqualTo(before.runDirs());
        assertThat(after.descriptors())
            .as("open descriptors (client and server connections may differ by a few)")
            .isLessThan(before.descriptors() + 32);
        String tenantId = new Tenants(store.dataSource()).find("load").orElseThrow().id();
        List<AuditRecord> records =
            new AuditLog(store.dataSource())
                .list(new AuditLog.Query(tenantId, null, null, null, EXECUTIONS + 10));
        assertThat(records).hasSize(EXECUTIONS + 1);
        assertThat(records).allMatch(r -> "OK".equals(r.status()));
      }
    }
  }

  /** What the host shows of the server while it is idle. */
  private record Snapshot(long sandboxProcesses, long launchers, long runDirs, long descriptors) {}

  /** Waits until the pools and staged launchers are full again and nothing is being torn down. */
  private static Snapshot awaitQuiet(Engine engine, EngineConfig config) {
    List<Snapshot> seen = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> {
          boolean full = engine.warmPools().stream().allMatch(p -> p.idle() == p.size());
          Snapshot now = snapshot(config);
          boolean steady = !seen.isEmpty() && seen.getLast().equals(now);
          seen.add(now);
          return full && steady;
        });
    return seen.getLast();
  }

  private static Snapshot snapshot(EngineConfig config) throws IOException {
    // Staged launchers, waiting for their record, are as many as the refill races decide: counted
    // apart. Once it has its record, a launcher has become bwrap.
    long launchers =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().command().orElse("").contains("bulwark-launch"))
            .count();
    long sandboxProcesses = ProcessHandle.current().descendants().count() - launchers;
    long runDirs;
    try (Stream<Path> engines = Files.list(config.stateDir().resolve("engines"))) {
      runDirs = engines.filter(Files::isDirectory).mapToLong(SustainedLoadTest::countRunDirs).sum();
    }
    long descriptors;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      descriptors = fds.count();
    }
    return new Snapshot(sandboxProcesses, launchers, runDirs, descriptors);
  }

  private static long countRunDirs(Path engineDir) {
    try (Stream<Path> entries = Files.list(engineDir)) {
      return entries.filter(p -> p.getFileName().toString().matches(".*\\.\\d+")).count();
    } catch (IOException e) {
      return 0; // an engine that went away meanwhile
    }
  }
}
