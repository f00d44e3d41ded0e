package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulwark mcp} fed by a client that misbehaves, over real stdio: every bad line gets its
 * JSON-RPC error and the session goes on; the end of input ends the server.
 */
class McpStdioTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void badLinesGetJsonRpcErrorsAndTheSessionGoesOnUntilEndOfInput() throws Exception {
    Process mcp =
        new ProcessBuilder(BulwarkProcess.command(List.of("mcp")))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    OutputStream in = mcp.getOutputStream();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(mcp.getInputStream(), StandardCharsets.UTF_8));

    send(
        in,
        """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
        "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}\
        """);
    assertThat(read(out).path("id").asInt()).isEqualTo(1);
    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

    send(in, "this is not json");
    JsonNode parse = read(out);
    assertThat(parse.path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(parse.get("id").isNull()).isTrue();

    send(in, "[1, 2]");
    assertThat(read(out).path("error").path("code").asInt()).isEqualTo(-32600);

    send(in, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":null}");
    JsonNode params = read(out);
    assertThat(params.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(params.path("id").asInt()).isEqualTo(7);

    send(in, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}");
    JsonNode tools = read(out);
    assertThat(tools.path("id").asInt()).isEqualTo(8);
    assertThat(tools.path("result").path("tools").size()).isEqualTo(9);

    in.close(); // end of input: the client is gone
    assertThat(mcp.waitFor(30, TimeUnit.SECONDS)).as("the server ends with its input").isTrue();
    assertThat(mcp.exitValue()).isZero();
  }

  @Test
  void aLineIsRefusedOnlyWhenItIsNotAJsonRpcMessage() {
    assertThat(McpStdio.refusal(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")))
        .isNull();
    assertThat(McpStdio.refusal(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"))).isNull();
    assertThat(McpStdio.refusal(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":[]}")))
        .isNull();
    assertThat(McpStdio.refusal(bytes("{\"jsonrpc\":\"1.0\",\"id\":\"a\",\"method\":\"ping\"}")))
        .contains("-32600")
        .contains("\"id\":\"a\"");
    assertThat(McpStdio.refusal(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}")))
        .contains("-32600");
    assertThat(McpStdio.refusal(bytes("\"just a string\""))).contains("-32600");
    assertThat(McpStdio.refusal(bytes("{\"jsonrpc\":"))).contains("-32700");
    assertThat(McpStdio.refusal(new byte[McpStdio.MAX_LINE_BYTES + 1])).contains("-32600");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(OutputStream in, String line) throws Exception {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static JsonNode read(BufferedReader out) throws Exception {
    String line = out.readLine();
    assertThat(line).as("a reply").isNotNull();
    return JSON.readTree(line);
  }
}
