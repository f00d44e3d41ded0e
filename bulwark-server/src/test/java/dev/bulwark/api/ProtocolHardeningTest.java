package dev.bulwark.api;

import static dev.bulwark.api.RawHttp.exchange;
import static dev.bulwark.api.RawHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.api.RawHttp.Answer;
import dev.bulwark.model.Json;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Requests a hostile or broken client can send, each once found to earn a 500, a stack trace or a
 * silent acceptance, sent by hand to a real server: every one is a 4xx in the API's error shape
 * (JSON-RPC's on {@code /mcp}) that names what is wrong, and nothing of the server's insides (a
 * Java class, a stack frame) reaches the client.
 */
class ProtocolHardeningTest {
  @TempDir static Path data;
  private static Engine engine;
  private static Store store;
  private static ApiServer server;
  private static String key;
  private static String operatorKey;

  @BeforeAll
  static void start() {
    engine = Engine.start(EngineConfig.defaults().withWarmPools(List.of()));
    store = Store.open(data);
    new Tenants(store.dataSource()).create("acme", "standard", "default", 4, 10_000, false, 0);
    ApiKeys keys = new ApiKeys(store.dataSource());
    key = keys.issue("acme", "tenant").token();
    operatorKey = keys.issue("acme", "ops", true).token();
    server = ApiServer.start(engine, store, ServerConfig.defaults("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
    engine.close();
  }

  private static Answer send(String request) throws Exception {
    return exchange(server.port(), request);
  }

  private static Answer post(String path, String type, String body) throws Exception {
    return send(request("POST", path, key, type, body));
  }

  /** A refusal in the API's shape: the status, the code, and no trace of the server's insides. */
  private static JsonNode refused(Answer a, int status, String code) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    noInsides(a);
    JsonNode error = Json.mapper().readTree(a.body()).get("error");
    assertThat(error.get("code").asString()).as(a.toString()).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank();
    return error;
  }

  private static void noInsides(Answer a) {
    assertThat(a.body())
        .as("what the client sees")
        .doesNotContain("Exception", "\tat ", "at org.", "at io.", "at dev.", "className", "<html");
  }

  @Test
  void aMalformedOrTruncatedChunkedBodyIs400() throws Exception {
    String head =
        "POST /v1/validate HTTP/1.1\r\nHost: b\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    refused(send(head + "zz\r\n{}\r\n0\r\n\r\n"), 400, "invalid_body");
    Answer cut =
        exchange(
            server.port(),
            (head + "40\r\n{\"language\": \"py").getBytes(StandardCharsets.UTF_8),
            true);
    refused(cut, 400, "invalid_body");
    Answer shortBody =
        exchange(
            server.port(),
            request("POST", "/v1/executions", key, "application/json", "{}")
                .replace("Content-Length: 2", "Content-Length: 200")
                .getBytes(StandardCharsets.UTF_8),
            true);
    refused(shortBody, 400, "invalid_body");
  }

  @Test
  void aLoneSurrogateIs400NamingTheFieldOnEveryEndpoint() throws Exception {
    String code = "{\"language\": \"python\", \"code\": \"print('\\ud800')\"}";
    for (String path : List.of("/v1/executions", "/v1/validate")) {
      JsonNode error = refused(post(path, "application/json", code), 400, "invalid_field");
      assertThat(error.get("details").get("field").asString()).as(path).isEqualTo("code");
    }
    JsonNode limits =
        refused(
            post(
                "/v1/executions",
                "application/json",
                "{\"language\": \"bash\", \"code\": \"true\", \"limits\": {\"memory\": \"1\\udfff\"}}"),
            400,
            "invalid_field");
    assertThat(limits.get("details").get("field").asString()).isEqualTo("limits.memory");
    refused(
        post("/v1/agent/runs", "application/json", "{\"task\": \"\\udc00 say hi\"}"),
        400,
        "invalid_field");
    refused(post("/v1/validate", "application/json", "{\"\\ud800\": 1}"), 400, "invalid_json");
    JsonNode mcp =
        rpcError(
            post(
                "/mcp",
                "application/json",
                "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"tools/call\", \"params\": {\"name\":"
                    + " \"run_code\", \"arguments\": {\"language\": \"python\", \"code\":"
                    + " \"print('\\ud800')\"}}}"),
            400,
            -32602);
    assertThat(mcp.get("message").asString()).contains("params.arguments.code");
  }

  @Test
  void aFieldTwiceIs400() throws Exception {
    JsonNode error =
        refused(
            post(
                "/v1/executions",
                "application/json",
                "{\"language\": \"bash\", \"code\": \"true\", \"code\": \"rm -rf /\"}"),
            400,
            "duplicate_field");
    assertThat(error.get("details").get("field").asString()).isEqualTo("code");
    refused(
        post("/v1/validate", "application/json", "{\"language\": \"bash\", \"language\": \"x\"}"),
        400,
        "duplicate_field");
  }

  @Test
  void onlyApplicationJsonWithAtMostAUtf8CharsetIsJson() throws Exception {
    String body = "{\"language\": \"bash\", \"code\": \"true\"}";
    for (String type :
        List.of(
            "application/jsonx",
            "application/json-seq",
            "text/json",
            "application/json; charset=latin1",
            "application/json; boundary=x")) {
      refused(post("/v1/validate", type, body), 415, "unsupported_media_type");
    }
    for (String type :
        List.of(
            "application/json",
            "Application/JSON; charset=UTF-8",
            "application/json;charset=\"utf-8\"")) {
      assertThat(post("/v1/validate", type, body).status()).as(type).isEqualTo(200);
    }
  }

  @Test
  void durationsAndSizesFollowTheOneStrictGrammar() throws Exception {
    for (String limits :
        List.of(
            "{\"timeout\": \"5s\\u0000\"}",
            "{\"memory\": \"1 g\"}",
            "{\"timeout\": \"5 s\"}",
            "{\"memory\": \"-1g\"}")) {
      JsonNode error =
          refused(
              post(
                  "/v1/executions",
                  "application/json",
                  "{\"language\": \"bash\", \"code\": \"true\", \"limits\": " + limits + "}"),
              400,
              "invalid_field");
      assertThat(error.get("details").get("field").asString()).startsWith("limits.");
    }
  }

  @Test
  void whatJettyRefusesBeforeAnyHandlerIsInTheApiShapeToo() throws Exception {
    refused(send("GET /v1/runtimes\r\n\r\n"), 400, "http_version_not_supported");
    refused(
        send("GET /v1/executions/%ED%A0%80 HTTP/1.1\r\nHost: b\r\nConnection: close\r\n\r\n"),
        400,
        "bad_request");
    refused(
        send(
            "GET /v1/runtimes HTTP/1.1\r\nHost: b\r\nExpect: 100-banana\r\nAuthorization: Bearer "
                + key
                + "\r\nConnection: close\r\n\r\n"),
        417,
        "expectation_failed");
    refused(
        send(
            "GET /v1/runtimes HTTP/1.1\r\nHost: b\r\nX: "
                + "y".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"),
        431,
        "headers_too_large");
    refused(
        send(
            "POST /v1/validate HTTP/1.1\r\nHost: b\r\nTransfer-Encoding: gzip\r\nConnection:"
                + " close\r\n\r\n"),
        400,
        "bad_request");
    refused(send(request("FOO", "/v1/runtimes", key, null, null)), 405, "method_not_allowed");
    refused(send(request("GET", "/nowhere", key, null, null)), 404, "not_found");
  }

  private static JsonNode rpcError(Answer a, int status, int code) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    noInsides(a);
    JsonNode body = Json.mapper().readTree(a.body());
    assertThat(body.get("jsonrpc").asString()).as(a.toString()).isEqualTo("2.0");
    JsonNode error = body.get("error");
    assertThat(error.get("code").asInt()).as(a.toString()).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank();
    return error;
  }

  private static String rpc(String method, String params) {
    return "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \""
        + method
        + "\""
        + (params == null ? "" : ", \"params\": " + params)
        + "}";
  }

  @Test
  void everyMcpErrorIsAJsonRpcErrorObjectWithoutTheServersInsides() throws Exception {
    rpcError(post("/mcp", "application/json", rpc("tools/list", "null")), 400, -32602);
    rpcError(post("/mcp", "application/json", rpc("tools/list", "[1]")), 400, -32602);
    rpcError(post("/mcp", "application/json", rpc("nope/nope", null)), 400, -32601);
    rpcError(post("/mcp", "application/json", "{\"jso"), 400, -32700);
    rpcError(post("/mcp", "application/json", "[]"), 400, -32600);
    rpcError(
        post("/mcp", "application/json", "{\"jsonrpc\": \"1.0\", \"id\": 1, \"method\": \"ping\"}"),
        400,
        -32600);
    rpcError(
        post(
            "/mcp", "application/json", "{\"jsonrpc\": \"2.0\", \"id\": {}, \"method\": \"ping\"}"),
        400,
        -32600);
    rpcError(
        post("/mcp", "application/json", rpc("tools/call", "{\"arguments\": {}}")), 400, -32602);
    rpcError(post("/mcp", "text/plain", rpc("ping", null)), 415, -32700);
    JsonNode unauthorized =
        rpcError(
            send(request("POST", "/mcp", "bwk_nope", "application/json", rpc("ping", null))),
            401,
            -32000);
    assertThat(unauthorized.get("data").get("code").asString()).isEqualTo("unauthorized");
    rpcError(send(request("GET", "/mcp", key, null, null)), 405, -32600);
    Answer withoutAccept =
        send(
            request("POST", "/mcp", key, "application/json", rpc("ping", null))
                .replace("Accept: application/json, text/event-stream\r\n", ""));
    assertThat(withoutAccept.status()).as(withoutAccept.toString()).isBetween(200, 499);
    noInsides(withoutAccept);
    Answer ping = post("/mcp", "application/json", rpc("ping", null));
    assertThat(ping.status()).as(ping.toString()).isEqualTo(200);
    assertThat(Json.mapper().readTree(ping.body()).has("result")).isTrue();
  }

  @Test
  void anMcpToolThatFailsSaysSoWithoutAStackTrace() throws Exception {
    Answer missing =
        post(
            "/mcp",
            "application/json",
            rpc("tools/call", "{\"name\": \"run_code\", \"arguments\": {}}"));
    assertThat(missing.status()).as(missing.toString()).isEqualTo(200);
    noInsides(missing);
    Answer unknownTool =
        post(
            "/mcp",
            "application/json",
            rpc("tools/call", "{\"name\": \"rm_rf\", \"arguments\": {}}"));
    assertThat(unknownTool.status()).as(unknownTool.toString()).isBetween(200, 499);
    noInsides(unknownTool);
  }

  @Test
  void theMetricsNameEveryTenantSoOnlyAnOperatorsKeyReadsThem() throws Exception {
    refused(send(request("GET", "/metrics", key, null, null)), 403, "forbidden");
    Answer operator = send(request("GET", "/metrics", operatorKey, null, null));
    assertThat(operator.status()).isEqualTo(200);
    assertThat(operator.body()).contains("bulwark_executions_running");
    refused(send(request("GET", "/metrics", null, null, null)), 401, "unauthorized");
  }
}
