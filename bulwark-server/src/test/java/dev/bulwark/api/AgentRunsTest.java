package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.agent.Agent;
import dev.bulwark.agent.ModelSettings;
import dev.bulwark.agent.ScriptedModel;
import dev.bulwark.agent.ScriptedModel.Turn;
import dev.bulwark.audit.AgentRunLog;
import dev.bulwark.model.Json;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/agent/runs} on a real server whose model is a scripted OpenAI-compatible server
 * over real HTTP, and whose code runs in real sandboxes as the calling tenant.
 */
class AgentRunsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicReference<Function<JsonNode, Turn>> SCRIPT = new AtomicReference<>();

  @TempDir static Path data;
  @TempDir static Path otherData;
  private static Engine engine;
  private static Store store;
  private static ScriptedModel model;
  private static ApiServer server;

  /** Keeps content: its transcripts keep the task, the code and the answer. */
  private static String keeper;

  /** Keeps no content: its transcripts keep hashes. */
  private static String hasher;

  @BeforeAll
  static void start() throws Exception {
    engine = Engine.start(EngineConfig.defaults());
    store = Store.open(data);
    Tenants tenants = new Tenants(store.dataSource());
    tenants.create("keeper", "standard", "default", 4, 1000, true, 0);
    tenants.create("hasher", "standard", "default", 4, 1000, false, 0);
    ApiKeys keys = new ApiKeys(store.dataSource());
    keeper = keys.issue("keeper", "test").token();
    hasher = keys.issue("hasher", "test").token();
    model = new ScriptedModel(messages -> SCRIPT.get().apply(messages));
    server =
        ApiServer.start(
            engine,
            store,
            ServerConfig.defaults("127.0.0.1", 0)
                .withAgent(
                    new AgentConfig(
                        new ModelSettings(
                            ModelSettings.Provider.OPENAI, model.baseUrl(), "scripted", null),
                        new Agent.Limits(4, Duration.ofSeconds(60), 100_000),
                        2)));
  }

  @AfterAll
  static void stop() {
    server.close();
    model.close();
    store.close();
    engine.close();
  }

  /** Computes in the sandbox, then answers with what it printed. */
  private static Function<JsonNode, Turn> sumOfRange(long n) {
    return messages -> {
      String result = ScriptedModel.last(messages, "tool");
      return result.isEmpty()
          ? Turn.call(
              "execute_code", ScriptedModel.codeArguments("python", "print(sum(range(" + n + ")))"))
          : Turn.answer("The sum is " + ScriptedModel.spotlightedStdout(result));
    };
  }

  @Test
  void aRunAnswersFromTheSandboxAndItsTranscriptLinksTheAuditedExecution() throws Exception {
    long n = ThreadLocalRandom.current().nextLong(1_000, 1_000_000);
    SCRIPT.set(sumOfRange(n));
    JsonNode run = post(keeper, "{\"task\": \"Sum the range.\"}", 200);
    assertThat(run.path("end").asString()).isEqualTo("ANSWER");
    assertThat(run.path("answer").asString()).isEqualTo("The sum is " + (n * (n - 1) / 2));
    JsonNode step = run.path("steps").get(0);
    assertThat(step.path("status").asString()).isEqualTo("OK");
    assertThat(step.path("code").asString()).contains("sum(range(");

    String execution = step.path("executionId").asString();
    JsonNode audited = get(keeper, "/v1/executions/" + execution, 200);
    assertThat(audited.path("status").asString()).isEqualTo("OK");
    assertThat(audited.path("tenant").asString()).isEqualTo("keeper");

    JsonNode kept = get(keeper, "/v1/agent/runs/" + run.path("id").asString(), 200);
    assertThat(kept.path("end").asString()).isEqualTo("ANSWER");
    assertThat(kept.path("task").asString()).isEqualTo("Sum the range.");
    assertThat(kept.path("answer").asString()).isEqualTo(run.path("answer").asString());
    assertThat(kept.path("tokens").asLong()).isPositive();
    assertThat(kept.path("provider").asString()).isEqualTo("openai");
    assertThat(kept.path("steps").get(0).path("executionId").asString()).isEqualTo(execution);
    assertThat(kept.path("steps").get(0).path("code").asString()).contains("sum(range(");
    assertThat(kept.path("finishedAt").asString()).isNotBlank();

    get(hasher, "/v1/agent/runs/" + run.path("id").asString(), 404);
    get(hasher, "/v1/executions/" + execution, 404);
  }

  @Test
  void aRunsCellsShareOneSessionOfTheTenantWhichEndsWithTheRun() throws Exception {
    SCRIPT.set(messages -> {
      long results = messages.findValuesAsString("role").stream().filter("tool"::equals).count();
      return switch ((int) results) {
        case 0 -> Turn.call("execute_code", ScriptedModel.codeArguments("python", "x = 6"));
        case 1 -> Turn.call("execute_code", ScriptedModel.codeArguments("python", "print(x * 7)"));
        default ->
            Turn.answer(
                "It is " + ScriptedModel.spotlightedStdout(ScriptedModel.last(messages, "tool")));
      };
    });
    JsonNode run = post(keeper, "{\"task\": \"Build on the first cell.\"}", 200);
    assertThat(run.path("answer").asString()).as("step 2 used step 1's x").isEqualTo("It is 42");
    JsonNode cell =
        get(
            keeper,
            "/v1/executions/" + run.path("steps").get(1).path("executionId").asString(),
            200);
    assertThat(cell.path("sessionId").asString()).as("a cell of the tenant's session").isNotBlank();
    assertThat(get(keeper, "/v1/sessions", 200).path("sessions").findValuesAsString("state"))
        .as("the session ended with the run")
        .doesNotContain("idle", "busy");
  }

  @Test
  void aTenantThatKeepsNoContentKeepsHashesOfTheTaskAndTheCode() throws Exception {
    SCRIPT.set(sumOfRange(10));
    JsonNode run = post(hasher, "{\"task\": \"A private task.\"}", 200);
    assertThat(run.path("answer").asString()).isEqualTo("The sum is 45");
    JsonNode kept = get(hasher, "/v1/agent/runs/" + run.path("id").asString(), 200);
    assertThat(kept.path("task").isNull()).isTrue();
    assertThat(kept.path("answer").isNull()).isTrue();
    assertThat(kept.path("taskSha256").asString()).hasSize(64);
    JsonNode step = kept.path("steps").get(0);
    assertThat(step.has("code")).isFalse();
    assertThat(step.has("observation")).isFalse();
    assertThat(step.path("codeSha256").asString()).hasSize(64);
    assertThat(step.path("status").asString()).isEqualTo("OK");
    assertThat(kept.toString()).doesNotContain("A private task").doesNotContain("sum(range(");
  }

  @Test
  void stepsStreamAsServerSentEventsThenTheResult() throws Exception {
    SCRIPT.set(sumOfRange(100));
    HttpResponse<String> r =
        HTTP.send(
            request(keeper, "/v1/agent/runs")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"task\": \"Sum.\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("text/event-stream");
    List<String> events = new ArrayList<>();
    JsonNode result = null;
    for (String block : r.body().split("\n\n")) {
      if (block.lines().allMatch(l -> l.startsWith(":"))) {
        continue; // a keep-alive comment, sent after each 250 ms of silence
      }
      String event = block.lines().filter(l -> l.startsWith("event: ")).findFirst().orElseThrow();
      String payload = block.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
      events.add(event.substring(7));
      if (event.equals("event: result")) {
        result = JSON.readTree(payload.substring(6));
      }
    }
    assertThat(events).containsExactly("step", "result");
    assertThat(result.path("answer").asString()).isEqualTo("The sum is 4950");
  }

  @Test
  void theModelsCodeRunsUnderTheTenantsPolicyAndTheRunEndsAtItsStepLimit() throws Exception {
    SCRIPT.set(messages ->
        Turn.call(
            "execute_code",
            ScriptedModel.codeArguments("python", "().__class__.__base__.__subclasses__()")));
    JsonNode run = post(keeper, "{\"task\": \"Loop.\", \"maxSteps\": 2}", 200);
    assertThat(run.path("end").asString()).isEqualTo("MAX_STEPS");
    assertThat(run.path("steps").findValuesAsString("status"))
        .containsExactly("POLICY_DENIED", "POLICY_DENIED");
    assertThat(run.path("steps").get(0).path("observation").asString())
        .contains("py.introspection");
  }

  @Test
  void aRequestCanNarrowTheOperatorsLimitsButNeverWidenThem() throws Exception {
    assertError(post(keeper, "{\"task\": \"x\", \"maxSteps\": 5}", 400), "invalid_field");
    assertError(post(keeper, "{\"task\": \"x\", \"maxTime\": \"2m\"}", 400), "invalid_field");
    assertError(post(keeper, "{\"task\": \"x\", \"maxTokens\": \"many\"}", 400), "invalid_field");
    assertError(post(keeper, "{\"task\": \"x\", \"model\": \"gpt-5\"}", 400), "unknown_field");
    assertError(post(keeper, "{\"task\": \"  \"}", 400), "invalid_field");
    assertError(post(keeper, "{}", 400), "invalid_field");
    assertError(
        post(keeper, "{\"task\": \"x\", \"limits\": {\"memory\": \"64g\"}}", 403),
        "limits_not_allowed");
  }

  @Test
  void withoutAModelAgentRunsAreRefusedAndAnUnreachableModelEndsTheRunWithItsReason()
      throws Exception {
    try (Store other = Store.open(otherData)) {
      new Tenants(other.dataSource()).create("solo", "standard", "default", 2, 1000, false, 0);
      String solo = new ApiKeys(other.dataSource()).issue("solo", "test").token();
      try (ApiServer bare = ApiServer.start(engine, other, ServerConfig.defaults("127.0.0.1", 0))) {
        HttpResponse<String> r = startRun(bare, solo);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(r.body()).path("error").path("code").asString())
            .isEqualTo("agent_not_configured");
      }
    }
    try (ServerSocket closed = new ServerSocket(0)) {
      int port = closed.getLocalPort();
      closed.close(); // nothing listens there now
      try (Store other = Store.open(otherData.resolve("unreachable"));
          ApiServer unreachable =
              ApiServer.start(
                  engine,
                  other,
                  ServerConfig.defaults("127.0.0.1", 0)
                      .withAgent(
                          new AgentConfig(
                              new ModelSettings(
                                  ModelSettings.Provider.OPENAI,
                                  "http://127.0.0.1:" + port + "/v1",
                                  null,
                                  null),
                              AgentConfig.disabled().limits(),
                              1)))) {
        new Tenants(other.dataSource()).create("solo", "standard", "default", 2, 1000, false, 0);
        String solo = new ApiKeys(other.dataSource()).issue("solo", "test").token();
        HttpResponse<String> r = startRun(unreachable, solo);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode run = JSON.readTree(r.body());
        assertThat(run.path("end").asString()).isEqualTo("MODEL_ERROR");
        assertThat(run.path("error").asString()).isNotBlank();
      }
    }
  }

  @Test
  void aRunADeadServerLeftGoingIsMarkedInterrupted() {
    AgentRunLog log = new AgentRunLog(store.dataSource());
    String id = UUID.randomUUID().toString();
    var tenant = new Tenants(store.dataSource()).find("keeper").orElseThrow();
    log.started(new AgentRunLog.Started(id, tenant, "k", "127.0.0.1", "openai", "m", "t"));
    assertThat(log.find(tenant.id(), id).orElseThrow().end()).isNull();
    assertThat(log.markInterrupted()).isEqualTo(1);
    AgentRunLog.Record r = log.find(tenant.id(), id).orElseThrow();
    assertThat(r.end()).isEqualTo(AgentRunLog.INTERRUPTED);
    assertThat(r.finishedAt()).isNotBlank();
  }

  /** Asks another server for an agent run with task "x". */
  private static HttpResponse<String> startRun(ApiServer to, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + "/v1/agent/runs"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"task\": \"x\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String key, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json");
  }

  private static JsonNode post(String key, String body, int status) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            request(key, "/v1/agent/runs").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return Json.mapper().readTree(r.body());
  }

  private static JsonNode get(String key, String path, int status) throws Exception {
    HttpResponse<String> r =
        HTTP.send(request(key, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return Json.mapper().readTree(r.body());
  }

  private static void assertError(JsonNode body, String code) {
    assertThat(body.path("error").path("code").asString()).as(body.toString()).isEqualTo(code);
  }
}
