package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.EgressConfig;
import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.model.Json;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Network egress through the API: the operator's policy file allows a host, the operator maps it to
 * a local server; a tenant's run reaches it, its attempts land in the result and the audit record,
 * and a request can only narrow the allow-list.
 */
class EgressApiTest {
  @TempDir static Path data;
  private static final AtomicInteger HITS = new AtomicInteger();
  private static HttpServer internal;
  private static Engine engine;
  private static Store store;
  private static ApiServer server;
  private static String key;

  @BeforeAll
  static void start() throws Exception {
    internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    internal.createContext(
        "/",
        exchange -> {
          HITS.incrementAndGet();
          byte[] body = "internal data\n".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    internal.start();
    Path policy = data.resolve("internal.yaml");
    Files.writeString(
        policy,
        """
        version: 1
        name: internal
        description: the audit policy, and one internal API
        limits: default
        rules:
          "*": flag
        waivable: []
        modules:
          allow: []
          deny: []
        network:
          allow: [api.internal]
        """);
    engine =
        Engine.start(
            EngineConfig.defaults()
                .withEgress(
                    EgressConfig.defaults()
                        .withMapHosts(
                            Map.of(
                                "api.internal",
                                new InetSocketAddress(
                                    InetAddress.getLoopbackAddress(),
                                    internal.getAddress().getPort())))));
    store = Store.open(data.resolve("store"));
    new Tenants(store.dataSource()).create("acme", policy.toString(), "default", 4, 1000, false, 0);
    key = new ApiKeys(store.dataSource()).issue("acme", "test").token();
    server = ApiServer.start(engine, store, ServerConfig.defaults("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
    engine.close();
    internal.stop(0);
  }

  private static JsonNode post(String json) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/executions"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  private static String request(String code, String policy) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("language", "python");
    body.put("code", code);
    if (policy != null) {
      body.put("policy", policy);
    }
    return Json.write(body);
  }

  @Test
  void theTenantsAllowedHostIsReachedAndEveryAttemptIsAudited() throws Exception {
    String code =
        """
        import urllib.request
        print(urllib.request.urlopen("http://api.internal/x", timeout=10).read().decode(), end="")
        urllib.request.urlopen("http://" + "elsewhere.example/", timeout=10)
        """;
    int before = HITS.get();
    JsonNode r = post(request(code, null));
    assertThat(r.path("stdout").asString()).isEqualTo("internal data\n");
    assertThat(r.path("status").asString()).isEqualTo("NETWORK_DENIED");
    assertThat(HITS.get()).isEqualTo(before + 1);
    assertThat(r.path("network").findValuesAsString("host"))
        .containsExactly("api.internal", "elsewhere.example");

    HttpResponse<String> record =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + server.port()
                                + "/v1/executions/"
                                + r.path("id").asString()))
                    .header("Authorization", "Bearer " + key)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode network = Json.mapper().readTree(record.body()).path("network");
    assertThat(network.findValuesAsString("host"))
        .containsExactly("api.internal", "elsewhere.example");
    assertThat(network.get(1).path("allowed").asBoolean()).isFalse();
    assertThat(network.get(1).path("reason").asString()).contains("allow-list");
  }

  @Test
  void aRequestCanNarrowTheAllowListButNotWidenIt() throws Exception {
    int before = HITS.get();
    JsonNode r =
        post(
            request(
                "import os, urllib.request\nprint(os.environ.get('HTTP_PROXY'))\n"
                    + "urllib.request.urlopen('http://api.internal/x', timeout=10)",
                "strict"));
    // The validation layer reads the same, narrowed, allow-list as the proxy: nothing runs.
    assertThat(r.path("status").asString()).isEqualTo("POLICY_DENIED");
    assertThat(r.path("findings").toString()).contains("api.internal");
    assertThat(r.path("network").isEmpty()).isTrue();
    assertThat(HITS.get()).as("strict allows no host: nothing left the sandbox").isEqualTo(before);
  }
}
