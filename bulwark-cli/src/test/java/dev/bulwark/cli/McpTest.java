package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
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
    assertThat(tools).containsOnlyKeys("run_code", "validate_code", "list_runtimes");
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

  private static JsonNode call(String tool, Map<String, Object> arguments) {
    CallToolResult r = client.callTool(new CallToolRequest(tool, arguments));
    assertThat(r.isError()).as(text(r)).isFalse();
    return JSON.readTree(text(r));
  }

  private static String text(CallToolResult r) {
    return ((TextContent) r.content().getFirst()).text();
  }
}
