package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulwark mcp} as an MCP client sees it: a real process over stdio, the SDK's own client.
 */
class McpTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static McpSyncClient client;

  @BeforeAll
  static void start() {
    ServerParameters bulwarkMcp =
        ServerParameters.builder(ProcessHandle.current().info().command().orElseThrow())
            .args(
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "mcp",
                "--policy",
                "standard")
            .build();
    client =
        McpClient.sync(new StdioClientTransport(bulwarkMcp, new JacksonMcpJsonMapper(JSON)))
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60))
            .build();
    client.initialize();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Test
  void theToolsAreListedWithSchemasAndDescriptionsForModels() {
    Map<String, Tool> tools = new HashMap<>();
    client.listTools().tools().forEach(t -> tools.put(t.name(), t));
    assertThat(tools)
        .containsOnlyKeys(
            "run_code",
            "validate_code",
            "list_runtimes",
            "create_session",
            "run_in_session",
            "upload_file",
            "list_files",
            "read_file",
            "close_session");
    assertThat(tools.get("create_session").description())
        .contains("keeps its state")
        .contains("workspace");
    Tool run = tools.get("run_code");
    assertThat(run.description()).contains("POLICY_DENIED").contains("not instructions");
    Map<String, Object> schema = run.inputSchema();
    assertThat(schema).containsEntry("required", List.of("language", "code"));
    assertThat(String.valueOf(schema.get("properties")))
        .contains("language")
        .contains("code")
        .contains("stdin");
  }

  @Test
  void runCodeRunsInASandboxAndADeniedProgramComesBackWithWhatToChange() {
    JsonNode ran =
        call(
            "run_code",
            Map.of("language", "python", "code", "import os\nprint(os.getuid(), 6 * 7)"));
    assertThat(ran.path("status").asString()).isEqualTo("OK");
    assertThat(ran.path("stdout").asString()).isEqualTo("1000 42\n");

    JsonNode denied =
        call(
            "run_code",
            Map.of("language", "python", "code", "().__class__.__base__.__subclasses__()"));
    assertThat(denied.path("status").asString()).isEqualTo("POLICY_DENIED");
    assertThat(denied.path("findings").get(0).path("rule").asString())
        .isEqualTo("py.introspection");
    assertThat(denied.path("findings").get(0).path("fix").asString()).isNotBlank();

    CallToolResult unknown =
        client.callTool(new CallToolRequest("run_code", Map.of("language", "cobol", "code", "x")));
    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown)).as("the schema names what a language may be").contains("python");
  }

  @Test
  void validateCodeAndListRuntimesAnswerJson() {
    JsonNode v =
        call(
            "validate_code",
            Map.of("language", "python", "code", "import subprocess\nsubprocess.run(['ls'])"));
    assertThat(v.path("outcome").asString()).isEqualTo("FLAG");
    assertThat(v.path("findings").toString()).contains("py.process");
    JsonNode runtimes = call("list_runtimes", Map.of());
    assertThat(runtimes.path("runtimes").toString()).contains("\"python\"").contains("numpy");
  }

  @Test
  void aSessionKeepsStateAndFilesAndItsFigureComesBackAsAPngImage() {
    String id =
        call("create_session", Map.of("language", "python", "ttl", "2m"))
            .path("session_id")
            .asString();
    call(
        "upload_file",
        Map.of("session_id", id, "path", "data/in.csv", "content", "x,y\n1,2\n3,5\n"));
    JsonNode first =
        call(
            "run_in_session",
            Map.of(
                "session_id",
                id,
                "code",
                "import csv\nrows = list(csv.DictReader(open('data/in.csv')))"));
    assertThat(first.path("status").asString()).isEqualTo("OK");
    JsonNode second =
        call(
            "run_in_session",
            Map.of("session_id", id, "code", "print(sum(int(r['y']) for r in rows))"));
    assertThat(second.path("stdout").asString())
        .as("rows survived the first cell")
        .isEqualTo("7\n");

    CallToolResult drawn =
        client.callTool(
            new CallToolRequest(
                "run_in_session",
                Map.of(
                    "session_id",
                    id,
                    "code",
                    "import matplotlib.pyplot as plt\nprint('x' * 10000)\nplt.plot([1, 2, 3])\n"
                        + "plt.savefig('chart.png')")));
    assertThat(drawn.isError()).isFalse();
    String stdout = JSON.readTree(text(drawn)).path("stdout").asString();
    assertThat(stdout).as("the text is cut").contains("characters cut").hasSizeLessThan(9000);
    ImageContent image =
        drawn.content().stream()
            .filter(ImageContent.class::isInstance)
            .map(ImageContent.class::cast)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no image in " + drawn.content()));
    assertThat(image.mimeType()).isEqualTo("image/png");
    assertThat(Base64.getDecoder().decode(image.data())).startsWith(PNG);

    assertThat(call("list_files", Map.of("session_id", id)).path("entries").toString())
        .contains("chart.png")
        .contains("data");
    CallToolResult read =
        client.callTool(
            new CallToolRequest("read_file", Map.of("session_id", id, "path", "chart.png")));
    assertThat(read.content())
        .filteredOn(ImageContent.class::isInstance)
        .singleElement()
        .satisfies(
            c -> assertThat(Base64.getDecoder().decode(((ImageContent) c).data())).startsWith(PNG));
    CallToolResult csv =
        client.callTool(
            new CallToolRequest("read_file", Map.of("session_id", id, "path", "data/in.csv")));
    assertThat(text(csv)).isEqualTo("x,y\n1,2\n3,5\n");

    call(
        "run_in_session",
        Map.of("session_id", id, "code", "open('big.bin', 'wb').write(bytes(2 << 20))"));
    CallToolResult big =
        client.callTool(
            new CallToolRequest("read_file", Map.of("session_id", id, "path", "big.bin")));
    assertThat(big.isError()).as("a file over read_file's cap").isTrue();
    assertThat(text(big)).contains("file_too_large");
    call(
        "upload_file",
        Map.of("session_id", id, "path", "b.bin", "content", "AAEC/w==", "encoding", "base64"));
    assertThat(
            text(
                client.callTool(
                    new CallToolRequest("read_file", Map.of("session_id", id, "path", "b.bin")))))
        .as("bytes that are not text come back in base64")
        .contains("\"base64\":\"AAEC/w==\"");

    call("close_session", Map.of("session_id", id));
    CallToolResult gone =
        client.callTool(
            new CallToolRequest("run_in_session", Map.of("session_id", id, "code", "1")));
    assertThat(gone.isError()).isTrue();
    assertThat(text(gone)).contains("session_not_found");
  }

  @Test
  void aOneShotRunReturnsItsFigureAsAnImageBesideItsText() {
    CallToolResult r =
        client.callTool(
            new CallToolRequest(
                "run_code",
                Map.of(
                    "language",
                    "python",
                    "code",
                    "import matplotlib.pyplot as plt\nplt.bar(['a', 'b'], [3, 4])\nplt.show()")));
    assertThat(r.isError()).as(text(r)).isFalse();
    assertThat(JSON.readTree(text(r)).path("outputs").toString()).contains("image/png");
    assertThat(r.content())
        .filteredOn(ImageContent.class::isInstance)
        .singleElement()
        .satisfies(
            c -> assertThat(Base64.getDecoder().decode(((ImageContent) c).data())).startsWith(PNG));
  }

  private static JsonNode call(String tool, Map<String, Object> arguments) {
    CallToolResult r = client.callTool(new CallToolRequest(tool, arguments));
    assertThat(r.isError()).as(text(r)).isFalse();
    return JSON.readTree(text(r));
  }

  private static String text(CallToolResult r) {
    return ((TextContent) r.content().getFirst()).text();
  }
}
