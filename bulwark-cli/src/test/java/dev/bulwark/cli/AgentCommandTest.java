package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.ScriptedModel;
import dev.bulwark.agent.ScriptedModel.Turn;
import dev.bulwark.api.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulwark agent} against a scripted OpenAI-compatible model over real HTTP, on this host's
 * sandboxes.
 */
class AgentCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PRINT_42 = ScriptedModel.codeArguments("python", "print(6 * 7)");

  /** Runs print(6 * 7), then answers with what it printed. */
  private static Turn printThenAnswer(JsonNode messages) {
    String result = ScriptedModel.last(messages, "tool");
    if (result.isEmpty()) {
      return Turn.call("execute_code", PRINT_42);
    }
    return Turn.answer("It is " + ScriptedModel.spotlightedStdout(result));
  }

  @Test
  void theAnswerGoesToStdoutAndEachStepToStderr() throws Exception {
    try (ScriptedModel model = new ScriptedModel(AgentCommandTest::printThenAnswer)) {
      MainTest.Outcome o =
          MainTest.bulwark(
              "agent", "--base-url", model.baseUrl(), "--model", "scripted", "What is 6 times 7?");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.out()).isEqualTo("It is 42\n");
      assertThat(o.err()).contains("step 1: python, 1 lines: OK");
    }
  }

  @Test
  void theConfigurationFilesAgentSectionChoosesTheModelAndFlagsOverrideIt(@TempDir Path dir)
      throws Exception {
    try (ScriptedModel model = new ScriptedModel(messages -> Turn.answer("from the file"))) {
      Path config = dir.resolve("bulwark.yaml");
      Files.writeString(
          config,
          "agent:\n  provider: openai\n  baseUrl: " + model.baseUrl() + "\n  model: scripted\n");
      MainTest.Outcome o = MainTest.bulwark("agent", "--config", config.toString(), "Hello");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.out()).isEqualTo("from the file\n");
      assertThat(model.requests())
          .singleElement()
          .satisfies(r -> assertThat(r.path("model").asString()).isEqualTo("scripted"));

      MainTest.Outcome other =
          MainTest.bulwark("agent", "--config", config.toString(), "--provider", "gemini", "Hello");
      assertThat(other.exitCode()).isEqualTo(2);
      assertThat(other.err()).as("the file's URL is the OpenAI one's").contains("GEMINI_API_KEY");
    }
  }

  @Test
  void withServerTheCodeRunsAsTheKeysTenantAndIsAudited(@TempDir Path data) throws Exception {
    try (TestServer server = TestServer.start(data);
        ScriptedModel model = new ScriptedModel(AgentCommandTest::printThenAnswer)) {
      MainTest.Outcome o =
          MainTest.bulwark(
              "agent",
              "--base-url",
              model.baseUrl(),
              "--server",
              server.uri().toString(),
              "--key",
              server.key(),
              "What is 6 times 7?");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.out()).isEqualTo("It is 42\n");
      HttpResponse<String> audit =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.uri().resolve("/v1/audit"))
                      .header("Authorization", "Bearer " + server.key())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(JSON.readTree(audit.body()).path("records").findValuesAsString("status"))
          .as("the tenant's audit log has the run")
          .containsExactly("OK");

      MainTest.Outcome wider =
          MainTest.bulwark(
              "agent",
              "--base-url",
              model.baseUrl(),
              "--server",
              server.uri().toString(),
              "--key",
              server.key(),
              "--allow-domain",
              "evil.example",
              "Hello");
      assertThat(wider.exitCode()).isEqualTo(2);
      assertThat(wider.err()).contains("cannot widen");
      MainTest.Outcome badKey =
          MainTest.bulwark(
              "agent",
              "--base-url",
              model.baseUrl(),
              "--server",
              server.uri().toString(),
              "--key",
              "bwk_nope.nope",
              "Hello");
      assertThat(badKey.exitCode()).isEqualTo(2);
      assertThat(badKey.err()).contains("--server");
    }
  }

  @Test
  void aLimitEndsTheRunWithoutAnAnswerAndSaysWhich() throws Exception {
    try (ScriptedModel model = new ScriptedModel(messages -> Turn.call("execute_code", PRINT_42))) {
      MainTest.Outcome o =
          MainTest.bulwark(
              "agent", "--base-url", model.baseUrl(), "--max-steps", "2", "Loop forever.");
      assertThat(o.exitCode()).isEqualTo(1);
      assertThat(o.out()).isEmpty();
      assertThat(o.err())
          .contains("step 2")
          .contains("stopped without an answer: max steps after 2 steps");
    }
  }

  @Test
  void aHostedProviderWithoutAKeyIsRefusedBeforeAnythingStarts() {
    MainTest.Outcome o = MainTest.bulwark("agent", "--provider", "anthropic", "Hello");
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("no API key for anthropic").contains("ANTHROPIC_API_KEY");
  }
}
