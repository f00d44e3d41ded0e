package dev.bulwark.client;

import dev.bulwark.model.Artifact;
import dev.bulwark.model.ErrorBody;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.Output;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.ValidationReport;
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
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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
 * {@link ExecutionResult}. Requests and answers are the types of {@code dev.bulwark.model}, the
 * same the server answers with; a field a newer server adds is ignored.
 */
public final class BulwarkClient implements AutoCloseable {

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
    HttpResponse<String> r = send(post("/v1/executions", Json.write(request)), ofString());
    return read(r, ExecutionResult.class);
  }

  /**
   * Runs a program, streaming: {@code listener} hears the findings, then the output as it comes;
   * the result is returned at the end.
   */
  public ExecutionResult execute(ExecutionRequest request, OutputListener listener) {
    return events(post("/v1/executions", Json.write(request)), listener);
  }

  /**
   * The bytes of an artifact of a one-shot result: those it carries, or, for one kept by the
   * server, read from its address (for a while: 15 minutes).
   */
  public byte[] artifact(Artifact artifact) {
    if (artifact.isInline()) {
      return artifact.content();
    }
    HttpResponse<byte[]> r = send(get(artifact.ref()), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw refusal(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
    }
    return r.body();
  }

  /**
   * Opens a session: one sandbox with a persistent interpreter, for cells and files, until it is
   * closed, idles past its ttl or lives past the server's lifetime.
   */
  public Session openSession(SessionOptions options) {
    HttpResponse<String> r = send(post("/v1/sessions", Json.write(options)), ofString());
    return new Session(this, read(r, 201, SessionInfo.class).id());
  }

  /** A session of {@code language} under the key's policy and default limits. */
  public Session openSession(String language) {
    return openSession(SessionOptions.of(language));
  }

  /**
   * The session {@code id}, opened earlier (by this client or another with the same key), as the
   * server shows it now.
   *
   * @throws BulwarkException {@code session_not_found} for an id unknown, forgotten or another
   *     tenant's; {@code session_dead} for one that ended (with its cause)
   */
  public Session session(String id) {
    if (id.isBlank() || !id.matches("[A-Za-z0-9_-]+")) {
      throw new BulwarkException(404, "session_not_found", "no session " + id, Map.of("id", id));
    }
    Session session = new Session(this, id);
    session.info();
    return session;
  }

  /** The key's tenant's sessions that have not ended, as the server shows them. */
  public List<SessionInfo> sessions() {
    JsonNode list = tree(checked(send(get("/v1/sessions"), ofString())).body()).path("sessions");
    return list.valueStream().map(n -> value(n, SessionInfo.class)).toList();
  }

  /** Sends a request for Server-Sent Events; {@code listener} hears them, the result returns. */
  ExecutionResult events(HttpRequest.Builder request, OutputListener listener) {
    HttpRequest post = request.header("Accept", "text/event-stream").build();
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
            case "finding" -> listener.finding(value(node, Finding.class));
            case "stdout" -> listener.stdout(node.path("text").asString());
            case "stderr" -> listener.stderr(node.path("text").asString());
            case "display" -> listener.display(value(node, Output.class));
            case "result" -> {
              return value(node, ExecutionResult.class);
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
  public ValidationReport validate(String language, String code, String policy) {
    ObjectNode body = Json.mapper().createObjectNode().put("language", language).put("code", code);
    if (policy != null) {
      body.put("policy", policy);
    }
    return read(send(post("/v1/validate", Json.write(body)), ofString()), ValidationReport.class);
  }

  /** The runtimes the server offers, with their versions and importable modules. */
  public List<RuntimeDescription> runtimes() {
    HttpResponse<String> r = send(get("/v1/runtimes"), ofString());
    JsonNode list = tree(checked(r).body()).path("runtimes");
    return list.valueStream().map(n -> value(n, RuntimeDescription.class)).toList();
  }

  @Override
  public void close() {
    http.close();
  }

  static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + key);
  }

  HttpRequest get(String path) {
    return request(path).GET().build();
  }

  HttpRequest.Builder post(String path, String json) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest.Builder request, HttpResponse.BodyHandler<String> h) {
    return send(request.build(), h);
  }

  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new BulwarkException("cannot reach " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BulwarkException("interrupted while waiting for " + base, e);
    }
  }

  static <T> T read(HttpResponse<String> r, Class<T> type) {
    return value(tree(checked(r).body()), type);
  }

  /** The answer as {@code type} when its status is {@code expected}; else the refusal. */
  static <T> T read(HttpResponse<String> r, int expected, Class<T> type) {
    if (r.statusCode() != expected) {
      throw refusal(r.statusCode(), r.body(), r);
    }
    return value(tree(r.body()), type);
  }

  /**
   * An answer's part as a model type; what a newer server adds is not ours to judge, and a flag it
   * leaves out when false ({@code FileInfo.escaped}) is false.
   */
  private static <T> T value(JsonNode node, Class<T> type) {
    return Json.mapper()
        .readerFor(type)
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .readValue(node);
  }

  private static HttpResponse<String> checked(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw refusal(r.statusCode(), r.body(), r);
    }
    return r;
  }

  /** The server's error object as an exception; Retry-After joins its details. */
  static BulwarkException refusal(int status, String body, HttpResponse<?> r) {
    ErrorBody error =
        errorBody(body)
            .orElseGet(
                () -> new ErrorBody("http_" + status, "the server answered " + status, Map.of()));
    Map<String, Object> details = new LinkedHashMap<>(error.details());
    r.headers()
        .firstValue("Retry-After")
        .filter(v -> v.matches("\\d+"))
        .ifPresent(v -> details.putIfAbsent("retryAfterSeconds", Long.parseLong(v)));
    return new BulwarkException(status, error.code(), error.message(), details);
  }

  /** The refusal in a body, when it has the API's error shape (a proxy's page has not). */
  private static Optional<ErrorBody> errorBody(String body) {
    try {
      return Optional.ofNullable(value(Json.mapper().readTree(body), ErrorBody.Envelope.class))
          .map(ErrorBody.Envelope::error);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static JsonNode tree(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JacksonException e) {
      throw new BulwarkException("the server's answer is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
