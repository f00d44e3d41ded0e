package dev.bulwark.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model server on 127.0.0.1 whose answers a test scripts: real HTTP, deterministic. It speaks the
 * three dialects Bulwark's providers use: OpenAI's chat completions, Anthropic's messages and
 * Gemini's generateContent. Each request's conversation, in OpenAI's shape whatever the dialect
 * ({@code [{role: system|user|assistant|tool, content}]}), goes to {@code script}, which answers
 * either a tool call or a final text.
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
        "/",
        exchange -> {
          try {
            answer(exchange, script);
          } catch (RuntimeException e) { // a script's or a dialect's fault: say it to the test
            byte[] body = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          }
        });
    server.start();
  }

  private void answer(HttpExchange exchange, Function<JsonNode, Turn> script) throws IOException {
    String path = exchange.getRequestURI().getPath();
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    requests.add(request);
    int n = requests.size();
    ObjectNode reply;
    if (path.endsWith("/chat/completions")) {
      reply = OpenAi.reply(script.apply(request.path("messages")), n);
    } else if (path.endsWith("/messages")) {
      reply = Anthropic.reply(script.apply(Anthropic.conversation(request)), n);
    } else if (path.endsWith(":generateContent")) {
      reply = Gemini.reply(script.apply(Gemini.conversation(request)));
    } else {
      byte[] body = ("no such endpoint: " + path).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
      return;
    }
    byte[] body = JSON.writeValueAsBytes(reply);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** The base URL an OpenAI client takes. */
  public String baseUrl() {
    return root() + "/v1";
  }

  /** The base URL an Anthropic client takes. */
  public String anthropicBaseUrl() {
    return root() + "/v1/";
  }

  /** The base URL a Gemini client takes. */
  public String geminiBaseUrl() {
    return root() + "/v1beta";
  }

  private String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request the model received, in order, in its own dialect. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** The JSON arguments of a code-running tool call: {@code {"language", "code"}}. */
  public static String codeArguments(String language, String code) {
    return JSON.writeValueAsString(
        JSON.createObjectNode().put("language", language).put("code", code));
  }

  /** The stdout in the agent's tool result: JSON between its two untrusted-data marker lines. */
  public static String spotlightedStdout(String toolResult) {
    String json = toolResult.substring(toolResult.indexOf('\n') + 1, toolResult.lastIndexOf('\n'));
    return JSON.readTree(json).path("stdout").asString().strip();
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

  private static ObjectNode message(ArrayNode conversation, String role, String content) {
    return conversation.addObject().put("role", role).put("content", content);
  }

  private static final class OpenAi {
    static ObjectNode reply(Turn turn, int n) {
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
  }

  private static final class Anthropic {
    static ArrayNode conversation(JsonNode request) {
      ArrayNode out = JSON.createArrayNode();
      JsonNode system = request.path("system");
      if (system.isString()) {
        message(out, "system", system.asString());
      } else if (system.isArray()) {
        message(out, "system", texts(system));
      }
      for (JsonNode m : request.path("messages")) {
        JsonNode content = m.path("content");
        if (content.isString()) {
          message(out, m.path("role").asString(), content.asString());
          continue;
        }
        for (JsonNode block : content) {
          switch (block.path("type").asString()) {
            case "tool_result" -> {
              JsonNode result = block.path("content");
              message(out, "tool", result.isString() ? result.asString() : texts(result));
            }
            case "text" -> message(out, m.path("role").asString(), block.path("text").asString());
            default -> message(out, m.path("role").asString(), "");
          }
        }
      }
      return out;
    }

    static ObjectNode reply(Turn turn, int n) {
      ObjectNode out =
          JSON.createObjectNode()
              .put("id", "msg_" + n)
              .put("type", "message")
              .put("role", "assistant")
              .put("model", "scripted")
              .put("stop_reason", turn.tool() != null ? "tool_use" : "end_turn");
      ObjectNode block = out.putArray("content").addObject();
      if (turn.tool() != null) {
        block
            .put("type", "tool_use")
            .put("id", "toolu_" + n)
            .put("name", turn.tool())
            .set("input", JSON.readTree(turn.arguments()));
      } else {
        block.put("type", "text").put("text", turn.text());
      }
      out.putObject("usage").put("input_tokens", 1).put("output_tokens", 1);
      return out;
    }

    private static String texts(JsonNode blocks) {
      StringBuilder b = new StringBuilder();
      for (JsonNode block : blocks) {
        b.append(block.path("text").asString());
      }
      return b.toString();
    }
  }

  private static final class Gemini {
    static ArrayNode conversation(JsonNode request) {
      ArrayNode out = JSON.createArrayNode();
      StringBuilder system = new StringBuilder();
      for (JsonNode part : request.path("systemInstruction").path("parts")) {
        system.append(part.path("text").asString());
      }
      if (!system.isEmpty()) {
        message(out, "system", system.toString());
      }
      for (JsonNode content : request.path("contents")) {
        String role = content.path("role").asString().equals("model") ? "assistant" : "user";
        for (JsonNode part : content.path("parts")) {
          if (part.has("functionResponse")) {
            // LangChain4j sends a tool's text result as {"response": {"response": TEXT}}
            JsonNode response = part.path("functionResponse").path("response");
            JsonNode text = response.path("response");
            message(out, "tool", text.isString() ? text.asString() : response.toString());
          } else if (part.has("text")) {
            message(out, role, part.path("text").asString());
          } else {
            message(out, role, "");
          }
        }
      }
      return out;
    }

    static ObjectNode reply(Turn turn) {
      ObjectNode out = JSON.createObjectNode();
      ObjectNode candidate = out.putArray("candidates").addObject();
      ObjectNode content = candidate.putObject("content").put("role", "model");
      ObjectNode part = content.putArray("parts").addObject();
      if (turn.tool() != null) {
        part.putObject("functionCall")
            .put("name", turn.tool())
            .set("args", JSON.readTree(turn.arguments()));
      } else {
        part.put("text", turn.text());
      }
      candidate.put("finishReason", "STOP");
      out.putObject("usageMetadata")
          .put("promptTokenCount", 1)
          .put("candidatesTokenCount", 1)
          .put("totalTokenCount", 2);
      return out;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
