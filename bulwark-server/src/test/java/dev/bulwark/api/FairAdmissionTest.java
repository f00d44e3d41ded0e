package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.audit.AuditRecord;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One noisy tenant and one quiet one on a real server: tenant A keeps 16 clients of {@code
 * sleep(1)} going, four times what the machine runs at once; tenant B sends one request a second.
 * Judged from the server's own records: B is never refused, and B's wait in line for a slot (the
 * server's measure, {@code queueMs}) stays below one of A's executions plus 100 ms, since the next
 * slot that frees is B's, not A's line's.
 */
class FairAdmissionTest {
  private static final int SLOTS = 4;
  private static final int NOISY_CLIENTS = 16;
  private static final int QUIET_REQUESTS = 15;

  @TempDir Path data;

  @Test
  void aQuietTenantIsServedAheadOfANoisyTenantsLine() throws Exception {
    EngineConfig config =
        EngineConfig.defaults().withWarmPools(List.of(new WarmPoolSpec("python", "default", 2)));
    try (Engine engine = Engine.start(config);
        Store store = Store.open(data)) {
      Tenants tenants = new Tenants(store.dataSource());
      tenants.create("noisy", "standard", "default", NOISY_CLIENTS, 100_000, false, 0);
      tenants.create("quiet", "standard", "default", 4, 100_000, false, 0);
      ApiKeys keys = new ApiKeys(store.dataSource());
      String noisyKey = keys.issue("noisy", "").token();
      String quietKey = keys.issue("quiet", "").token();
      ServerConfig settings =
          ServerConfig.defaults("127.0.0.1", 0)
              .withConcurrency(SLOTS, Duration.ofSeconds(30), 8 * SLOTS);
      try (ApiServer server = ApiServer.start(engine, store, settings)) {
        Client client = new Client(server.port());
        AtomicBoolean stop = new AtomicBoolean();
        List<Integer> quietStatuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
          List<Future<Integer>> noisy = new ArrayList<>();
          for (int i = 0; i < NOISY_CLIENTS; i++) {
            noisy.add(
                clients.submit(() -> {
                  int ran = 0;
                  while (!stop.get()) {
                    client.run(noisyKey, "import time\\ntime.sleep(1)");
                    ran++;
                  }
                  return ran;
                }));
          }
          Thread.sleep(3000); // the noisy tenant fills the machine and its line first
          Instant next = Instant.now();
          for (int i = 0; i < QUIET_REQUESTS; i++) {
            quietStatuses.add(client.run(quietKey, "print(" + i + ")"));
            next = next.plusSeconds(1);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
          }
          stop.set(true);
          for (Future<Integer> f : noisy) {
            f.get();
          }
        }

        assertThat(quietStatuses).as("the quiet tenant's answers").containsOnly(200);
        List<AuditRecord> quiet = records(store, "quiet");
        List<AuditRecord> busy = records(store, "noisy");
        long executionMs = median(busy.stream().map(FairAdmissionTest::lengthMs).toList());
        List<Long> waits = quiet.stream().map(AuditRecord::queueMs).sorted().toList();
        long p99 = waits.get((int) Math.ceil(0.99 * waits.size()) - 1);
        System.out.printf(
            "fairness: %d slots; noisy tenant %d executions, median length %d ms; quiet tenant"
                + " %d requests, 0 refused, queue wait median %d ms, p99 %d ms, max %d ms%n",
            SLOTS,
            busy.size(),
            executionMs,
            quiet.size(),
            waits.get(waits.size() / 2),
            p99,
            waits.getLast());
        assertThat(quiet).hasSize(QUIET_REQUESTS);
        assertThat(waits.stream().filter(w -> w > 0).count())
            .as("the quiet tenant found the machine full, and waited")
            .isGreaterThanOrEqualTo(QUIET_REQUESTS * 8L / 10);
        assertThat(busy.stream().map(AuditRecord::queueMs).max(Long::compare).orElseThrow())
            .as("the noisy tenant's line was long")
            .isGreaterThan(executionMs);
        assertThat(p99).as("the quiet tenant's p99 wait").isLessThan(executionMs + 100);
      }
    }
  }

  private static List<AuditRecord> records(Store store, String tenant) {
    String id = new Tenants(store.dataSource()).find(tenant).orElseThrow().id();
    return new AuditLog(store.dataSource()).list(new AuditLog.Query(id, null, "OK", null, 1000));
  }

  /** How long an execution held its slot, from its accepted record to its result. */
  private static long lengthMs(AuditRecord r) {
    return Duration.between(Instant.parse(r.acceptedAt()), Instant.parse(r.finishedAt()))
        .toMillis();
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private record Client(int port) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    int run(String key, String code) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/executions"))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"language\": \"python\", \"code\": \"" + code + "\"}"))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }
}
