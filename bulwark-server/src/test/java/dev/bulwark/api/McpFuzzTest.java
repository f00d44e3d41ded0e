package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;

/**
 * MCP at {@code /mcp} fuzzed with Jazzer: JSON-RPC messages built from the fuzzer's bytes (methods
 * real and not, ids of every type, params of every shape, tool calls with any arguments) or raw
 * bytes, sent to a real server with real sandboxes. No answer is a 5xx; every refusal is a JSON-RPC
 * error object; none shows a Java class or a stack frame; the server answers after.
 *
 * <p>The default test run replays the kept inputs only; the long run generates 10,000 messages:
 * {@code ./mvnw -B -ntp -pl bulwark-server -am verify -Pfuzz} (docs/reliability.md).
 */
class McpFuzzTest {
  private static final List<String> METHODS =
      List.of(
          "initialize",
          "ping",
          "tools/list",
          "tools/call",
          "notifications/initialized",
          "resources/list",
          "prompts/get",
          "completion/complete",
          "logging/setLevel");
  private static final List<String> TOOLS =
      List.of("run_code", "validate_code", "list_runtimes", "execute_code");

  private static FuzzServer server;

  @BeforeAll
  static void start() {
    server = FuzzServer.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.finish("mcp");
  }

  @FuzzTest(maxExecutions = 10_000, maxDuration = "60m")
  void everyAnswerIsJsonRpcAndNoneIsA5xx(FuzzedDataProvider in) throws IOException {
    String body = in.consumeBoolean() ? message(in) : in.consumeString(256);
    String request = RawHttp.request("POST", "/mcp", server.key, "application/json", body);
    if (in.consumeBoolean()) {
      request = request.replace("Accept: application/json, text/event-stream\r\n", "");
    }
    RawHttp.Answer answer;
    try (SilentCloseable allowed = FuzzServer.loopback()) {
      answer = RawHttp.exchange(server.port(), request.getBytes(StandardCharsets.UTF_8), true);
    }
    server.answered(answer.status());
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 499);
    assertThat(answer.body())
        .as(answer.toString())
        .doesNotContain("Exception", "\tat ", "className", "stackTrace");
    if (answer.status() >= 400) {
      JsonNode error = Json.mapper().readTree(answer.body());
      assertThat(error.path("jsonrpc").asString()).as(answer.toString()).isEqualTo("2.0");
      assertThat(error.path("error").path("code").isInt()).as(answer.toString()).isTrue();
    }
  }

  /** A JSON-RPC message: each member present or not, of the right type or any. */
  private static String message(FuzzedDataProvider in) {
    StringBuilder m = new StringBuilder("{");
    if (in.consumeInt(0, 9) > 0) {
      m.append("\"jsonrpc\": ")
          .append(in.consumeInt(0, 9) > 0 ? "\"2.0\"" : FuzzedRequests.value(in, 1));
    } else {
      m.append("\"x\": 0");
    }
    switch (in.consumeInt(0, 3)) {
      case 0 -> {}
      case 1 -> m.append(", \"id\": ").append(in.consumeInt());
      case 2 -> m.append(", \"id\": ").append(FuzzedRequests.string(in.consumeString(8)));
      default -> m.append(", \"id\": ").append(FuzzedRequests.value(in, 1));
    }
    if (in.consumeInt(0, 9) > 0) {
      String method = in.consumeInt(0, 9) > 0 ? in.pickValue(METHODS) : in.consumeString(16);
      m.append(", \"method\": ").append(FuzzedRequests.string(method));
    }
    switch (in.consumeInt(0, 4)) {
      case 0 -> {}
      case 1 -> m.append(", \"params\": ").append(FuzzedRequests.value(in, 1));
      default -> m.append(", \"params\": ").append(params(in));
    }
    if (in.consumeInt(0, 19) == 0) {
      m.append(", ").append(FuzzedRequests.string(in.consumeString(8))).append(": 1");
    }
    return m.append("}").toString();
  }

  /** Params of a tool call, as a client would send them, or not quite. */
  private static String params(FuzzedDataProvider in) {
    String tool = in.consumeInt(0, 9) > 0 ? in.pickValue(TOOLS) : in.consumeString(12);
    StringBuilder p = new StringBuilder("{\"name\": ").append(FuzzedRequests.string(tool));
    if (in.consumeBoolean()) {
      p.append(", \"arguments\": ");
      if (in.consumeInt(0, 4) > 0) {
        p.append("{\"language\": ")
            .append(FuzzedRequests.value(in, 2))
            .append(", \"code\": ")
            .append(FuzzedRequests.value(in, 2));
        if (in.consumeBoolean()) {
          p.append(", \"stdin\": ").append(FuzzedRequests.value(in, 2));
        }
        p.append("}");
      } else {
        p.append(FuzzedRequests.value(in, 1));
      }
    }
    if (in.consumeBoolean()) {
      p.append(
          ", \"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, \"clientInfo\":"
              + " {\"name\": \"fuzz\", \"version\": \"1\"}");
    }
    return p.append("}").toString();
  }
}
