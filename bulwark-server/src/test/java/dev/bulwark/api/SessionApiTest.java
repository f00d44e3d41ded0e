package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Profiles;
import dev.bulwark.audit.SessionLog;
import dev.bulwark.model.Json;
import dev.bulwark.store.Sql;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Sessions over HTTP, judged from outside: a real server, real sandboxes, real keys of several
 * tenants, the audit records read back from the store.
 */
class SessionApiTest {
  @TempDir static Path data;
  private static Engine engine;
  private static Store store;
  private static ApiServer server;
  private static String key;
  private static String otherKey;
  private static String capsKey;
  private static String vaultKey;
  private static String gaugedOperatorKey;
  private static final String SMALL_BASH =
      "{\"language\": \"bash\", \"limits\": {\"memory\": \"256m\"}}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    engine = Engine.start(EngineConfig.defaults());
    store = Store.open(data);
    Tenants tenants = new Tenants(store.dataSource());
    tenants.create("acme", "standard", "default", 4, 1000, false, 0);
    tenants.create("globex", "standard", "default", 4, 1000, false, 0);
    tenants.create("capped", "standard", "default", 4, 1000, false, 0);
    tenants.create("vault", "standard", "default", "gvisor", 4, 1000, false, 0);
    ApiKeys keys = new ApiKeys(store.dataSource());
    key = keys.issue("acme", "test").token();
    otherKey = keys.issue("globex", "test").token();
    capsKey = keys.issue("capped", "test").token();
    vaultKey = keys.issue("vault", "test").token();
    tenants.create("gauged", "standard", "default", 4, 1000, false, 0);
    gaugedOperatorKey = keys.issue("gauged", "test", true).token();
    server = startServer();
  }

  private static ApiServer startServer() {
    return ApiServer.start(
        engine,
        store,
        ServerConfig.defaults("127.0.0.1", 0)
            .withSessions(
                new SessionSettings(Duration.ofMinutes(10), Duration.ofHours(1), 3, 5L << 30)));
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
    engine.close();
  }

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  static Reply call(String method, String path, String auth, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + auth)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
    return new Reply(r.statusCode(), body, r);
  }

  static String open(String auth, String json) throws Exception {
    Reply r = call("POST", "/v1/sessions", auth, json);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.body().get("id").asString();
  }

  static Reply cell(String auth, String id, String code) throws Exception {
    return call(
        "POST", "/v1/sessions/" + id + "/executions", auth, Json.write(Map.of("code", code)));
  }

  /** A cell sent from another thread, once the session says it runs. */
  static CompletableFuture<Reply> running(String id, String code) {
    CompletableFuture<Reply> reply =
        CompletableFuture.supplyAsync(() -> {
          try {
            return cell(key, id, code);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() ->
            "busy"
                .equals(
                    call("GET", "/v1/sessions/" + id, key, null).body().get("state").asString()));
    return reply;
  }

  static void assertError(Reply r, int status, String code) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
    assertThat(r.body().get("error").get("code").asString()).isEqualTo(code);
    assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("at dev.bulwark");
  }

  @Test
  void metricsShowEachTenantsLiveSessionsAndTheMemoryTheyHold() throws Exception {
    String first = open(gaugedOperatorKey, SMALL_BASH);
    String second = open(gaugedOperatorKey, SMALL_BASH);
    assertThat(gauge("bulwark_sessions_live")).isEqualTo(2.0);
    assertThat(gauge("bulwark_sessions_memory_bytes")).isEqualTo(2.0 * (256 << 20));
    assertThat(call("DELETE", "/v1/sessions/" + first, gaugedOperatorKey, null).status())
        .isEqualTo(204);
    assertThat(gauge("bulwark_sessions_live")).isEqualTo(1.0);
    assertThat(gauge("bulwark_sessions_memory_bytes")).isEqualTo(1.0 * (256 << 20));
    assertThat(call("DELETE", "/v1/sessions/" + second, gaugedOperatorKey, null).status())
        .isEqualTo(204);
    assertThat(gauge("bulwark_sessions_live")).isNull();
  }

  /** The tenant's value of a gauge at {@code /metrics}, or null when it has no line. */
  private static Double gauge(String name) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .header("Authorization", "Bearer " + gaugedOperatorKey)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    String prefix = name + "{tenant=\"gauged\"} ";
    return r.body()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> Double.valueOf(l.substring(prefix.length())))
        .findFirst()
        .orElse(null);
  }

  @Test
  void sessionsInTheGvisorTierAreRefusedAsAskedOrAsTheTenantsTier() throws Exception {
    Reply tenants = call("POST", "/v1/sessions", vaultKey, "{\"language\": \"python\"}");
    assertError(tenants, 409, "session_isolation_unsupported");
    assertThat(tenants.body().get("error").get("message").asString())
        .contains("sessions need the bubblewrap isolation tier");
    assertThat(tenants.body().get("error").get("details").get("isolation").asString())
        .isEqualTo("gvisor");
    assertError(
        call("POST", "/v1/sessions", key, "{\"language\": \"python\", \"isolation\": \"gvisor\"}"),
        409,
        "session_isolation_unsupported");
    assertError(
        call(
            "POST",
            "/v1/sessions",
            vaultKey,
            "{\"language\": \"python\", \"isolation\": \"bubblewrap\"}"),
        403,
        "isolation_not_allowed");
    assertError(
        call("POST", "/v1/sessions", key, "{\"language\": \"python\", \"isolation\": \"vm\"}"),
        400,
        "invalid_field");
    assertThat(call("GET", "/v1/sessions", vaultKey, null).body().get("sessions")).isEmpty();
    String id =
        open(key, "{\"language\": \"python\", \"isolation\": \"bubblewrap\", \"ttl\": \"1m\"}");
    assertThat(cell(key, id, "print(6 * 7)").body().get("stdout").asString()).isEqualTo("42\n");
    assertThat(call("DELETE", "/v1/sessions/" + id, key, null).status()).isEqualTo(204);
  }

  @Test
  void cellsShareStateAndAnswerRichOutputs() throws Exception {
    String id = open(key, "{\"language\": \"python\", \"ttl\": \"5m\"}");
    assertThat(cell(key, id, "x = 41").body().get("status").asString()).isEqualTo("OK");
    Reply r = cell(key, id, "x + 1");
    assertThat(r.status()).isEqualTo(200);
    JsonNode output = r.body().get("outputs").get(0);
    assertThat(output.get("output_type").asString()).isEqualTo("execute_result");
    assertThat(output.get("data").get("text/plain").asString()).isEqualTo("42");
    assertThat(r.body().get("id").asString()).isNotBlank();

    JsonNode view = call("GET", "/v1/sessions/" + id, key, null).body();
    assertThat(view.get("state").asString()).isEqualTo("idle");
    assertThat(view.get("cells").asInt()).isEqualTo(2);
    assertThat(view.get("expiresAt").asString()).isNotBlank();
    assertThat(call("GET", "/v1/sessions", key, null).body().get("sessions").toString())
        .contains(id);

    // Each cell is an execution record naming its session.
    List<String> cells =
        Sql.select(
            store.dataSource(),
            "test",
            "SELECT code_sha256 FROM execution WHERE session_id = ? AND status = 'OK'",
            List.of(id),
            row -> row.getString(1));
    assertThat(cells).hasSize(2);

    assertThat(call("DELETE", "/v1/sessions/" + id, key, null).status()).isEqualTo(204);
    assertError(call("GET", "/v1/sessions/" + id, key, null), 404, "session_not_found");
    assertThat(endCause(id)).isEqualTo("CLOSED");
  }

  @Test
  void anotherTenantsSessionIsAsUnknownAsNone() throws Exception {
    String id = open(key, "{\"language\": \"python\"}");
    String unknown = "s-" + "a".repeat(26);
    for (String[] call :
        List.of(
            new String[] {"GET", ""},
            new String[] {"DELETE", ""},
            new String[] {"POST", "/restart"},
            new String[] {"POST", "/interrupt"},
            new String[] {"GET", "/files"},
            new String[] {"GET", "/files/a.txt"},
            new String[] {"PUT", "/files/a.txt"})) {
      Reply theirs = call(call[0], "/v1/sessions/" + id + call[1], otherKey, null);
      Reply none = call(call[0], "/v1/sessions/" + unknown + call[1], otherKey, null);
      assertError(theirs, 404, "session_not_found");
      assertThat(theirs.raw().body().replace(id, "ID"))
          .isEqualTo(none.raw().body().replace(unknown, "ID"));
    }
    assertError(cell(otherKey, id, "1"), 404, "session_not_found");
    assertThat(call("GET", "/v1/sessions", otherKey, null).body().toString()).doesNotContain(id);
    assertThat(cell(key, id, "1").status()).isEqualTo(200); // untouched
    call("DELETE", "/v1/sessions/" + id, key, null);
  }

  @Test
  void aBusySessionRefusesAnotherCellUnlessItWaits() throws Exception {
    String id = open(key, "{\"language\": \"python\"}");
    CompletableFuture<Reply> slow = running(id, "import time\ntime.sleep(3)\n'slept'");
    assertError(cell(key, id, "1"), 409, "session_busy");
    Reply waited =
        call(
            "POST",
            "/v1/sessions/" + id + "/executions",
            key,
            "{\"code\": \"'after'\", \"wait\": true}");
    assertThat(waited.status()).isEqualTo(200);
    assertThat(waited.body().get("outputs").get(0).get("data").get("text/plain").asString())
        .isEqualTo("'after'");
    assertThat(slow.join().body().get("status").asString()).isEqualTo("OK");
    call("DELETE", "/v1/sessions/" + id, key, null);
  }

  @Test
  void anInterruptStopsTheCellAndTheSessionSurvives() throws Exception {
    String id = open(key, "{\"language\": \"python\"}");
    cell(key, id, "y = 7");
    CompletableFuture<Reply> forever = running(id, "while True: pass");
    assertThat(call("POST", "/v1/sessions/" + id + "/interrupt", key, null).status())
        .isEqualTo(202);
    assertThat(forever.join().body().get("status").asString()).isEqualTo("CANCELLED");
    Reply after = cell(key, id, "y");
    assertThat(after.body().get("outputs").get(0).get("data").get("text/plain").asString())
        .isEqualTo("7");
    assertThat(call("POST", "/v1/sessions/" + id + "/restart", key, null).status()).isEqualTo(200);
    assertThat(cell(key, id, "y").body().get("status").asString()).isEqualTo("ERROR");
    call("DELETE", "/v1/sessions/" + id, key, null);
  }

  @Test
  void aSessionThatRanOutOfMemoryAnswers409WithTheReason() throws Exception {
    String id = open(key, "{\"language\": \"python\", \"limits\": {\"memory\": \"128m\"}}");
    Reply oom = cell(key, id, "chunks = []\nwhile True:\n    chunks.append(b'x' * (16 << 20))");
    assertThat(oom.body().get("status").asString()).isEqualTo("OOM");
    Reply dead = cell(key, id, "1");
    assertError(dead, 409, "session_dead");
    assertThat(dead.body().get("error").get("details").get("cause").asString()).isEqualTo("OOM");
    assertThat(dead.body().get("error").get("message").asString()).contains("128m");
    await().atMost(Duration.ofSeconds(10)).until(() -> "OOM".equals(endCause(id)));
    call("DELETE", "/v1/sessions/" + id, key, null);
  }

  @Test
  void anIdleSessionEndsAtItsTtlAndItsEndIsRecorded() throws Exception {
    String id = open(key, "{\"language\": \"bash\", \"ttl\": \"1s\"}");
    await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(endCause(id)));
    Reply dead = cell(key, id, "echo hi");
    assertError(dead, 409, "session_dead");
    assertThat(dead.body().get("error").get("details").get("cause").asString())
        .isEqualTo("EXPIRED");
    assertError(
        call("POST", "/v1/sessions", key, "{\"language\": \"bash\", \"ttl\": \"11m\"}"),
        400,
        "invalid_field");
  }

  @Test
  void aTenantsSessionsAreCappedInNumberAndMemory() throws Exception {
    List<String> ids = new ArrayList<>();
    ids.add(open(capsKey, "{\"language\": \"bash\", \"limits\": {\"memory\": \"2g\"}}"));
    ids.add(open(capsKey, "{\"language\": \"bash\", \"limits\": {\"memory\": \"2g\"}}"));
    Reply memory =
        call(
            "POST",
            "/v1/sessions",
            capsKey,
            "{\"language\": \"bash\", \"limits\": {\"memory\": \"2g\"}}");
    assertError(memory, 409, "session_memory_limit");
    ids.add(open(capsKey, "{\"language\": \"bash\", \"limits\": {\"memory\": \"256m\"}}"));
    assertError(
        call(
            "POST",
            "/v1/sessions",
            capsKey,
            "{\"language\": \"bash\", \"limits\": {\"memory\": \"64m\"}}"),
        409,
        "too_many_sessions");
    // Another tenant is not held back by this one's sessions.
    String other = open(otherKey, SMALL_BASH);
    call("DELETE", "/v1/sessions/" + other, otherKey, null);
    call("DELETE", "/v1/sessions/" + ids.getFirst(), capsKey, null);
    ids.removeFirst();
    ids.add(open(capsKey, "{\"language\": \"bash\", \"limits\": {\"memory\": \"64m\"}}"));
    for (String id : ids) {
      call("DELETE", "/v1/sessions/" + id, capsKey, null);
    }
  }

  @Test
  void idleSessionsHoldNoSlotAndCellsAreAdmittedAsExecutions() throws Exception {
    // The tenant may run 4 executions at once: 5 idle sessions of two tenants do not count.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(open(otherKey, SMALL_BASH));
    }
    Reply oneShot =
        call(
            "POST",
            "/v1/executions",
            otherKey,
            "{\"language\": \"bash\", \"code\": \"echo one-shot\"}");
    assertThat(oneShot.body().get("stdout").asString()).isEqualTo("one-shot\n");
    for (String id : ids) {
      assertThat(cell(otherKey, id, "echo $((6 * 7))").body().get("stdout").asString())
          .isEqualTo("42\n");
      call("DELETE", "/v1/sessions/" + id, otherKey, null);
    }
  }

  @Test
  void badRequestsAreClearRefusals() throws Exception {
    assertError(
        call("POST", "/v1/sessions", key, "{\"language\": \"cobol\"}"), 400, "invalid_field");
    assertError(
        call("POST", "/v1/sessions", key, "{\"language\": \"python\", \"isolation\": \"vm\"}"),
        400,
        "invalid_field");
    assertError(
        call(
            "POST",
            "/v1/sessions",
            key,
            "{\"language\": \"python\", \"network\": [\"evil.example.com\"]}"),
        400,
        "invalid_field");
    assertError(
        call(
            "POST",
            "/v1/sessions",
            key,
            "{\"language\": \"python\", \"limits\": {\"memory\": \"64g\"}}"),
        403,
        "limits_not_allowed");
    assertError(
        call("POST", "/v1/sessions", key, "{\"language\": \"python\", \"x\": 1}"),
        400,
        "unknown_field");
  }

  @Test
  void aStoppedServersSessionsAreGoneEachWithATerminalRecord() throws Exception {
    String id = open(otherKey, SMALL_BASH);
    // A record a server that died left open is ended by the next one, as is every session of a
    // server that stops.
    new SessionLog(store.dataSource())
        .started(
            new SessionLog.Started(
                "s-left-by-a-dead-server",
                new Tenants(store.dataSource()).find("globex").orElseThrow(),
                "k",
                "127.0.0.1",
                "python",
                "3",
                "standard",
                Profiles.DEFAULT));
    server.close();
    server = startServer();
    assertThat(endCause(id)).isNotNull();
    assertThat(endCause("s-left-by-a-dead-server")).isEqualTo(SessionLog.SERVER_STOPPED);
    assertError(call("GET", "/v1/sessions/" + id, otherKey, null), 404, "session_not_found");
  }

  @Test
  void javascriptOneShotRunsTakeFilesAndReturnArtifactsOutputsAndStructuredErrors()
      throws Exception {
    String code =
        """
        const fs = require('fs');
        const data = JSON.parse(fs.readFileSync('data.json', 'utf8'));
        fs.mkdirSync('out');
        fs.writeFileSync('out/result.json', JSON.stringify({ n: data.items.length }));
        display({ n: data.items.length });
        null.boom;
        """;
    Reply r =
        oneShot(
            "javascript",
            code,
            Map.of("data.json", "{\"items\": [1, 2, 3]}"),
            List.of("out/*.json"));
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.body().get("status").asString()).isEqualTo("ERROR");
    JsonNode artifact = r.body().get("artifacts").get(0);
    assertThat(artifact.get("name").asString()).isEqualTo("out/result.json");
    assertThat(decode(artifact.get("content").asString())).isEqualTo("{\"n\":3}");
    JsonNode outputs = r.body().get("outputs");
    assertThat(outputs.get(0).get("data").get("application/json").get("n").asInt()).isEqualTo(3);
    JsonNode error = outputs.get(1);
    assertThat(error.get("output_type").asString()).isEqualTo("error");
    assertThat(error.get("ename").asString()).isEqualTo("TypeError");
    assertThat(error.get("traceback").toString())
        .contains("<code>:6:")
        .doesNotContain("/run/bulwark");
  }

  @Test
  void bashOneShotRunsTakeFilesAndReturnArtifacts() throws Exception {
    Reply r =
        oneShot(
            "bash",
            "mkdir out && sort -r data.csv > out/sorted.csv && ln -s /etc/passwd out/x.csv",
            Map.of("data.csv", "a,1\nb,2\n"),
            List.of("out/*.csv"));
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.body().get("status").asString()).as(r.raw().body()).isEqualTo("OK");
    JsonNode artifacts = r.body().get("artifacts");
    assertThat(artifacts).hasSize(1);
    assertThat(artifacts.get(0).get("name").asString()).isEqualTo("out/sorted.csv");
    assertThat(decode(artifacts.get(0).get("content").asString())).isEqualTo("b,2\na,1\n");
    assertThat(r.body().get("outputs")).isEmpty();
  }

  /** {@code POST /v1/executions} as {@code key}: files are given as text, sent in base64. */
  private Reply oneShot(
      String language, String code, Map<String, String> files, List<String> artifacts)
      throws Exception {
    Map<String, String> encoded = new HashMap<>();
    files.forEach((path, text) ->
        encoded.put(
            path, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    return call(
        "POST",
        "/v1/executions",
        key,
        Json.write(
            Map.of("language", language, "code", code, "files", encoded, "artifacts", artifacts)));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Test
  void oneShotFilesComeInAndArtifactsComeOutInlineOrKept() throws Exception {
    String code =
        """
        data = open('in.txt').read()
        open('out.txt', 'w').write(data.upper())
        open('big.bin', 'wb').write(bytes(range(256)) * 400)
        """;
    Reply r = oneShot("python", code, Map.of("in.txt", "hello"), List.of("*.txt", "big.bin"));
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    Map<String, JsonNode> byName = new HashMap<>();
    r.body().get("artifacts").forEach(a -> byName.put(a.get("name").asString(), a));
    assertThat(
            new String(
                Base64.getDecoder().decode(byName.get("out.txt").get("content").asString()),
                StandardCharsets.UTF_8))
        .isEqualTo("HELLO");
    String ref = byName.get("big.bin").get("ref").asString();
    String id = r.body().get("id").asString();
    assertThat(ref).isEqualTo("/v1/executions/" + id + "/artifacts/big.bin");
    HttpResponse<byte[]> big =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + ref))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(big.statusCode()).isEqualTo(200);
    assertThat(big.body()).hasSize(256 * 400);
    assertThat(big.body()[255]).isEqualTo((byte) 255);
    assertError(call("GET", ref, otherKey, null), 404, "artifact_not_found");
    assertError(
        call(
            "POST",
            "/v1/executions",
            key,
            "{\"language\": \"python\", \"code\": \"1\", \"files\": {\"../x\": \"aGk=\"}}"),
        400,
        "invalid_field");
  }

  @Test
  void aStreamedCellSendsDisplayEventsAsTheyHappen() throws Exception {
    String id = open(key, "{\"language\": \"python\"}");
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + server.port() + "/v1/sessions/" + id + "/executions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"code\": \"print('a')\\ndisplay(42)\\n'done'\", \"stream\": true}"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("text/event-stream");
    assertThat(r.body())
        .contains("event: stdout")
        .contains("event: display\ndata: {\"output_type\":\"display_data\"")
        .contains("event: result");
    assertThat(r.body().indexOf("event: display")).isLessThan(r.body().indexOf("event: result"));
    call("DELETE", "/v1/sessions/" + id, key, null);
  }

  static HttpResponse<byte[]> raw(String method, String path, String auth, byte[] body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + auth)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> r) {
    return Json.mapper().readTree(new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  void filesMoveInAndOutStreamedAndListed() throws Exception {
    String id = open(key, "{\"language\": \"python\"}");
    String files = "/v1/sessions/" + id + "/files";
    byte[] csv = "city,sales\nOslo,3\nLima,5\n".getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> put = raw("PUT", files + "/data/sales.csv", key, csv);
    assertThat(put.statusCode()).as(new String(put.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    assertThat(json(put).get("size").asLong()).isEqualTo(csv.length);
    Reply sum =
        cell(
            key,
            id,
            "import csv\nsum(int(r['sales']) for r in csv.DictReader(open('data/sales.csv')))");
    assertThat(sum.body().get("outputs").get(0).get("data").get("text/plain").asString())
        .isEqualTo("8");
    cell(key, id, "open('data/out.json', 'w').write('{\"total\": 8}')");
    HttpResponse<byte[]> get = raw("GET", files + "/data/out.json", key, null);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("Content-Type").orElseThrow()).contains("application/json");
    assertThat(new String(get.body(), StandardCharsets.UTF_8)).isEqualTo("{\"total\": 8}");
    JsonNode listing = json(raw("GET", files + "?path=data", key, null));
    assertThat(listing.get("entries").toString()).contains("data/sales.csv").contains("\"file\"");
    assertThat(raw("DELETE", files + "/data/out.json", key, null).statusCode()).isEqualTo(204);
    HttpResponse<byte[]> gone = raw("GET", files + "/data/out.json", key, null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(json(gone).get("error").get("code").asString()).isEqualTo("file_not_found");
    call("DELETE", "/v1/sessions/" + id, key, null);
  }

  @Test
  void everyPathAttackOverHttpIsRefused() throws Exception {
    String id =
        open(
            key,
            "{\"language\": \"python\", \"limits\": {\"fileSize\": \"4m\", \"tmpfsSize\": \"5m\"}}");
    String files = "/v1/sessions/" + id + "/files";
    for (String path :
        List.of("..%2F..%2Fescape.txt", "%2Fetc%2Fpasswd", "a%0Ab.txt", "..", "x/../../y")) {
      HttpResponse<byte[]> put = raw("PUT", files + "/" + path, key, new byte[] {1});
      assertThat(put.statusCode()).as(path).isBetween(400, 404);
      HttpResponse<byte[]> get = raw("GET", files + "/" + path, key, null);
      assertThat(get.statusCode()).as(path).isBetween(400, 404);
      assertThat(new String(get.body(), StandardCharsets.UTF_8)).doesNotContain("root:");
    }
    // What the code leaves in the workspace is read only when it is a regular file.
    cell(key, id, "import os\nos.symlink('/etc/passwd', 'link')\nos.mkfifo('pipe')");
    for (String name : List.of("link", "pipe")) {
      HttpResponse<byte[]> get = raw("GET", files + "/" + name, key, null);
      assertThat(get.statusCode()).as(name).isEqualTo(409);
      assertThat(json(get).get("error").get("code").asString()).isEqualTo("not_a_file");
    }
    // The per-file and workspace caps, with nothing half-written left.
    HttpResponse<byte[]> tooLarge = raw("PUT", files + "/big", key, new byte[5 << 20]);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(json(tooLarge).get("error").get("code").asString()).isEqualTo("file_too_large");
    assertThat(raw("PUT", files + "/a", key, new byte[3 << 20]).statusCode()).isEqualTo(201);
    HttpResponse<byte[]> full = raw("PUT", files + "/b", key, new byte[3 << 20]);
    assertThat(full.statusCode()).isEqualTo(413);
    assertThat(json(full).get("error").get("code").asString()).isEqualTo("workspace_full");
    assertThat(json(raw("GET", files, key, null)).get("entries").toString())
        .doesNotContain("\"big\"")
        .doesNotContain("\"b\"");
    // A sparse file comes out whole, streamed.
    raw("DELETE", files + "/a", key, null);
    cell(key, id, "with open('sparse', 'wb') as f:\n    f.truncate(4 << 20)");
    HttpResponse<byte[]> sparse = raw("GET", files + "/sparse", key, null);
    assertThat(sparse.statusCode()).isEqualTo(200);
    assertThat(sparse.body()).hasSize(4 << 20);
    call("DELETE", "/v1/sessions/" + id, key, null);
  }

  static String endCause(String id) {
    return Sql.select(
            store.dataSource(),
            "test",
            "SELECT end_cause FROM session WHERE id = ?",
            List.of(id),
            row -> row.getString(1))
        .stream()
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
