package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.audit.AuditRecord;
import dev.bulwark.store.Hashing;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MCP over streamable HTTP at {@code /mcp}, as the SDK's own client sees it: real server, real
 * keys, real sandboxes, each call audited as the key's tenant.
 */
class McpEndpointTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path data;
  private static Engine engine;
  private static Store store;
  private static ApiServer server;
  private static String key;
  private static McpSyncClient client;
  private static McpSyncClient other;

  @BeforeAll
  static void start() {
    engine = Engine.start(EngineConfig.defaults());
    store = Store.open(data);
    new Tenants(store.dataSource()).create("acme", "standard", "default", 2, 1000, false, 0);
    key = new ApiKeys(store.dataSource()).issue("acme", "mcp").token();
    server = ApiServer.start(engine, store, ServerConfig.defaults("127.0.0.1", 0));
    client = client(key);
    client.initialize();
    new Tenants(store.dataSource()).create("globex", "standard", "default", 2, 1000, false, 0);
    other = client(new ApiKeys(store.dataSource()).issue("globex", "mcp").token());
    other.initialize();
  }

  @AfterAll
  static void stop() {
    client.closeGracefully();
    other.closeGracefully();
    server.close();
    store.close();
    engine.close();
  }

  private static McpSyncClient client(String token) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint("/mcp")
            .jsonMapper(new JacksonMcpJsonMapper(JSON))
            .httpRequestCustomizer((builder, method, uri, body, context) ->
                builder.header("Authorization", "Bearer " + token))
            .build();
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(60))
        .initializationTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Test
  void theToolsAreListedWithTheirSchemas() {
    List<String> names = client.listTools().tools().stream().map(Tool::name).toList();
    assertThat(names)
        .containsExactlyInAnyOrder(
            "run_code",
            "validate_code",
            "list_runtimes",
            "create_session",
            "run_in_session",
            "upload_file",
            "list_files",
            "read_file",
            "close_session");
  }

  @Test
  void theApiDescriptionListsEveryTool() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/openapi.json"))
                    .header("Authorization", "Bearer " + key)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String mcp = JSON.readTree(r.body()).path("paths").path("/mcp").path("post").toString();
    assertThat(client.listTools().tools())
        .allSatisfy(t -> assertThat(mcp).as("/openapi.json's /mcp").contains(t.name() + " {"));
  }

  @Test
  void runCodeRunsAsTheKeysTenantAndIsAudited() {
    String marker = "mcp-" + System.nanoTime();
    JsonNode ran =
        call("run_code", Map.of("language", "python", "code", "print('" + marker + "')"));
    assertThat(ran.path("status").asString()).isEqualTo("OK");
    assertThat(ran.path("stdout").asString()).isEqualTo(marker + "\n");
    String tenant = new Tenants(store.dataSource()).find("acme").orElseThrow().id();
    List<AuditRecord> records =
        new AuditLog(store.dataSource()).list(new AuditLog.Query(tenant, null, "OK", null, 1000));
    assertThat(records)
        .anySatisfy(r -> {
          assertThat(r.codeSha256()).isEqualTo(Hashing.sha256Hex("print('" + marker + "')"));
          assertThat(r.client()).isEqualTo("127.0.0.1");
        });
  }

  @Test
  void theTenantsPolicyDeniesAndASecretInTheOutputIsRedacted() {
    JsonNode denied =
        call(
            "run_code",
            Map.of("language", "python", "code", "().__class__.__base__.__subclasses__()"));
    assertThat(denied.path("status").asString()).isEqualTo("POLICY_DENIED");
    assertThat(denied.path("findings").get(0).path("fix").asString()).isNotBlank();

    String awsKey = "AKIA" + "IOSFODNN7EXAMPLE";
    JsonNode secret =
        call("run_code", Map.of("language", "python", "code", "print('" + awsKey + "')"));
    assertThat(secret.path("stdout").asString())
        .doesNotContain(awsKey)
        .contains("[REDACTED:aws_access_key]");
  }

  @Test
  void validateCodeAndListRuntimesAnswerJson() {
    JsonNode v =
        call(
            "validate_code",
            Map.of("language", "python", "code", "import subprocess\nsubprocess.run(['ls'])"));
    assertThat(v.path("findings").toString()).contains("py.process");
    assertThat(call("list_runtimes", Map.of()).path("runtimes").toString()).contains("\"python\"");
  }

  @Test
  void withoutAValidKeyNothingIsServed() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    JsonNode error = JSON.readTree(r.body()).path("error");
    assertThat(error.path("code").asInt()).as("a JSON-RPC error").isEqualTo(-32000);
    assertThat(error.path("data").path("code").asString()).isEqualTo("unauthorized");

    McpSyncClient stranger = client("bwk_aaaaaaaaaaaaaaaa.nope");
    assertThatThrownBy(stranger::initialize).isInstanceOf(RuntimeException.class);
    stranger.close();
  }

  @Test
  void aSessionIsTheTenantsAndAnotherTenantCannotFindIt() {
    String id = call("create_session", Map.of("language", "python")).path("session_id").asString();
    call("upload_file", Map.of("session_id", id, "path", "secret.txt", "content", "acme's"));
    call("run_in_session", Map.of("session_id", id, "code", "kept = open('secret.txt').read()"));
    JsonNode second = call("run_in_session", Map.of("session_id", id, "code", "print(kept)"));
    assertThat(second.path("stdout").asString()).isEqualTo("acme's\n");

    String unknown = "00000000-0000-0000-0000-000000000000";
    for (Map<String, Object> call :
        List.<Map<String, Object>>of(
            Map.of("tool", "run_in_session", "code", "print(kept)"),
            Map.of("tool", "read_file", "path", "secret.txt"),
            Map.of("tool", "list_files"),
            Map.of("tool", "upload_file", "path", "x.txt", "content", "globex's"),
            Map.of("tool", "close_session"))) {
      Map<String, Object> args = new HashMap<>(call);
      String tool = (String) args.remove("tool");
      String foreign = refusal(other, tool, withId(args, id));
      assertThat(foreign).as(tool).contains("session_not_found").doesNotContain("acme's");
      assertThat(foreign.replace(id, unknown))
          .as("another tenant's id answers as one that never was")
          .isEqualTo(refusal(other, tool, withId(args, unknown)));
    }
    assertThat(
            call("run_in_session", Map.of("session_id", id, "code", "print(kept)"))
                .path("stdout")
                .asString())
        .as("the owner's session is untouched")
        .isEqualTo("acme's\n");
    call("close_session", Map.of("session_id", id));
    assertThat(refusal(client, "list_files", Map.of("session_id", id)))
        .contains("session_not_found");
  }

  @Test
  void aCellsFigureComesBackAsAPngImageAndItsLongTextIsCut() {
    String id =
        call("create_session", Map.of("language", "python", "ttl", "1m"))
            .path("session_id")
            .asString();
    CallToolResult r =
        client.callTool(
            new CallToolRequest(
                "run_in_session",
                Map.of(
                    "session_id",
                    id,
                    "code",
                    "import matplotlib.pyplot as plt\nprint('y' * 10000)\nplt.plot([3, 1, 2])")));
    assertThat(r.isError()).isFalse();
    JsonNode text = JSON.readTree(((TextContent) r.content().getFirst()).text());
    assertThat(text.path("stdout").asString()).contains("characters cut");
    assertThat(r.content())
        .filteredOn(ImageContent.class::isInstance)
        .singleElement()
        .satisfies(c -> {
          assertThat(((ImageContent) c).mimeType()).isEqualTo("image/png");
          assertThat(Base64.getDecoder().decode(((ImageContent) c).data()))
              .startsWith(0x89, 'P', 'N', 'G');
        });
    call("close_session", Map.of("session_id", id));
  }

  private static Map<String, Object> withId(Map<String, Object> args, String id) {
    Map<String, Object> with = new HashMap<>(args);
    with.put("session_id", id);
    return with;
  }

  /** The text of a call that must be refused. */
  private static String refusal(McpSyncClient as, String tool, Map<String, Object> arguments) {
    CallToolResult r = as.callTool(new CallToolRequest(tool, arguments));
    String text = ((TextContent) r.content().getFirst()).text();
    assertThat(r.isError()).as(text).isTrue();
    return text;
  }

  private static JsonNode call(String tool, Map<String, Object> arguments) {
    CallToolResult r = client.callTool(new CallToolRequest(tool, arguments));
    String text = ((TextContent) r.content().getFirst()).text();
    assertThat(r.isError()).as(text).isFalse();
    return JSON.readTree(text);
  }
}
