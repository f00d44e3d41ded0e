package dev.bulwark.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 whose answers a test scripts: real
 * HTTP, deterministic. Each request's messages go to {@code script}, which answers either a tool
 * call or a final text.
 */
public final class ScriptedModel implements AutoCloseable {
  /** What the model says next: a tool call (name and JSON arguments) or a final text. */
  public record Turn(String tool, String arguments, String text) {
    public static Turn call(String tool, String arguments) {
      return new Turn(tool, arguments, null);
    }

    public static Turn answer(String text) {
      return new Turn(null, null, text);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());

  public ScriptedModel(Function<JsonNode, Turn> script) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
          requests.add(request);
          Turn turn = script.apply(request.path("messages"));
          byte[] body = JSON.writeValueAsBytes(completion(turn, requests.size()));
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  /** The base URL an OpenAI client takes. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Every request the model received, in order. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** The content of the last message of a role in a conversation, or "". */
  public static String last(JsonNode messages, String role) {
    String found = "";
    for (JsonNode m : messages) {
      if (role.equals(m.path("role").asString())) {
        found = m.path("content").asString();
      }
    }
    return found;
  }

  private static ObjectNode completion(Turn turn, int n) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant");
    if (turn.tool() != null) {
      message.putNull("content");
      ObjectNode call = message.putArray("tool_calls").addObject();
      call.put("id", "call_" + n).put("type", "function");
      call.putObject("function").put("name", turn.tool()).put("arguments", turn.arguments());
    } else {
      message.put("content", turn.text());
    }
    ObjectNode out =
        JSON.createObjectNode()
            .put("id", "chatcmpl-" + n)
            .put("object", "chat.completion")
            .put("created", 1)
            .put("model", "scripted");
    out.putArray("choices")
        .addObject()
        .put("index", 0)
        .put("finish_reason", turn.tool() != null ? "tool_calls" : "stop")
        .set("message", message);
    out.putObject("usage")
        .put("prompt_tokens", 1)
        .put("completion_tokens", 1)
        .put("total_tokens", 2);
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
