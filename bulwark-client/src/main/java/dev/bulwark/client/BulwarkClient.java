package dev.bulwark.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of a Bulwark server's HTTP API. Thread-safe; one per server and key is enough.
 *
 * <pre>{@code
 * try (BulwarkClient bulwark = BulwarkClient.connect(URI.create("http://127.0.0.1:8080"), key)) {
 *   ExecutionResult r = bulwark.execute(ExecutionRequest.of("python", "print(6 * 7)"));
 *   System.out.println(r.status() + " " + r.stdout());
 * }
 * }</pre>
 *
 * Every refusal of the server is a {@link BulwarkException} with its HTTP status and code; an
 * execution that ran, whatever its outcome (an error, a timeout, a denial by the policy), is an
 * {@link ExecutionResult}.
 */
public final class BulwarkClient implements AutoCloseable {
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final URI base;
  private final String key;
  private final Duration timeout;
  private final HttpClient http;

  private BulwarkClient(URI base, String key, Duration timeout) {
    this.base = base;
    this.key = key;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * A client of the server at {@code base} (e.g. {@code http://127.0.0.1:8080}) with an API key.
   * Requests wait at most 5 minutes for their answer: longer than any limits profile's run.
   */
  public static BulwarkClient connect(URI base, String key) {
    return connect(base, key, Duration.ofMinutes(5));
  }

  /** As {@link #connect(URI, String)}, waiting at most {@code timeout} for each answer. */
  public static BulwarkClient connect(URI base, String key, Duration timeout) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(key, "key");
    String text = base.toString();
    return new BulwarkClient(
        URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text), key, timeout);
  }

  /** Runs a program and waits for its result. */
  public ExecutionResult execute(ExecutionRequest request) {
    HttpResponse<String> r = send(post("/v1/executions", body(request)), ofString());
    return read(r, ExecutionResult.class);
  }

  /**
   * Runs a program, streaming: {@code listener} hears the findings, then the output as it comes;
   * the result is returned at the end.
   */
  public ExecutionResult execute(ExecutionRequest request, OutputListener listener) {
    HttpRequest post =
        post("/v1/executions", body(request)).header("Accept", "text/event-stream").build();
    HttpResponse<Stream<String>> r = send(post, HttpResponse.BodyHandlers.ofLines());
    if (r.statusCode() != 200) {
      throw refusal(r.statusCode(), r.body().reduce("", (a, b) -> a + b + "\n"), r);
    }
    try (Stream<String> lines = r.body()) {
      String event = null;
      StringBuilder data = new StringBuilder();
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        } else if (line.isEmpty() && event != null) {
          JsonNode node = tree(data.toString());
          switch (event) {
            case "finding" -> listener.finding(JSON.treeToValue(node, Finding.class));
            case "stdout" -> listener.stdout(node.path("text").asString());
            case "stderr" -> listener.stderr(node.path("text").asString());
            case "result" -> {
              return JSON.treeToValue(node, ExecutionResult.class);
            }
            default -> {} // an event a newer server sends: not ours to judge
          }
          event = null;
          data.setLength(0);
        }
      }
    }
    throw new BulwarkException("the server ended the stream without a result", null);
  }

  /**
   * What the validation layer says of a program under the key's policy, tightened by {@code policy}
   * (may be null); nothing runs.
   */
  public Validation validate(String language, String code, String policy) {
    ObjectNode body = JSON.createObjectNode().put("language", language).put("code", code);
    if (policy != null) {
      body.put("policy", policy);
    }
    return read(send(post("/v1/validate", body), ofString()), Validation.class);
  }

  /** The runtimes the server offers, with their versions and importable modules. */
  public List<RuntimeDescription> runtimes() {
    HttpResponse<String> r = send(get("/v1/runtimes"), ofString());
    JsonNode list = tree(checked(r).body()).path("runtimes");
    return list.valueStream().map(n -> JSON.treeToValue(n, RuntimeDescription.class)).toList();
  }

  @Override
  public void close() {
    http.close();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + key);
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest.Builder post(String path, JsonNode body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
  }

  private HttpResponse<String> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<String> h) {
    return send(request.build(), h);
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new BulwarkException("cannot reach " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BulwarkException("interrupted while waiting for " + base, e);
    }
  }

  private static ObjectNode body(ExecutionRequest r) {
    ObjectNode body = JSON.createObjectNode().put("language", r.language()).put("code", r.code());
    if (r.stdin() != null) {
      body.put("stdin", r.stdin());
    }
    if (r.policy() != null) {
      body.put("policy", r.policy());
    }
    if (r.profile() != null) {
      body.put("profile", r.profile());
    }
    if (!r.limits().isEmpty()) {
      body.set("limits", JSON.valueToTree(r.limits()));
    }
    return body;
  }

  private <T> T read(HttpResponse<String> r, Class<T> type) {
    return JSON.treeToValue(tree(checked(r).body()), type);
  }

  private static HttpResponse<String> checked(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw refusal(r.statusCode(), r.body(), r);
    }
    return r;
  }

  /** The server's error object as an exception; Retry-After joins its details. */
  private static BulwarkException refusal(int status, String body, HttpResponse<?> r) {
    JsonNode error;
    try {
      error = JSON.readTree(body).path("error");
    } catch (JacksonException e) {
      error = JSON.missingNode();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    if (error.path("details").isObject()) {
      details.putAll(JSON.convertValue(error.path("details"), Map.class));
    }
    r.headers()
        .firstValue("Retry-After")
        .filter(v -> v.matches("\\d+"))
        .ifPresent(v -> details.putIfAbsent("retryAfterSeconds", Long.parseLong(v)));
    return new BulwarkException(
        status,
        error.path("code").asString("http_" + status),
        error.path("message").asString("the server answered " + status),
        details);
  }

  private static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      throw new BulwarkException("the server's answer is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
