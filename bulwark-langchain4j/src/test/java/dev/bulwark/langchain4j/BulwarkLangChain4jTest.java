package dev.bulwark.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.ScriptedModel;
import dev.bulwark.agent.ScriptedModel.Turn;
import dev.bulwark.api.TestServer;
import dev.bulwark.client.BulwarkClient;
import dev.langchain4j.code.CodeExecutionEngine;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * LangChain4j over Bulwark: the real server with real sandboxes, and AiServices talking real HTTP
 * to a scripted OpenAI-compatible model.
 */
class BulwarkLangChain4jTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path data;
  private static TestServer server;
  private static BulwarkClient client;

  interface Assistant {
    String chat(String message);
  }

  @BeforeAll
  static void start() {
    server = TestServer.start(data);
    client = BulwarkClient.connect(server.uri(), server.key());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void theCodeExecutionEngineRunsInASandboxAndSaysWhyWhenItFails() {
    CodeExecutionEngine sandboxed = new BulwarkCodeExecutionEngine(client, "python");
    assertThat(sandboxed.execute("import os\nprint(os.getuid(), os.uname().nodename)"))
        .as("the code ran as the sandbox's user on the sandbox's host, not in this JVM")
        .isEqualTo("1000 sandbox\n");
    assertThat(sandboxed.execute("().__class__.__base__.__subclasses__()"))
        .contains("\"status\":\"POLICY_DENIED\"")
        .contains("py.introspection");
    assertThat(sandboxed.execute("raise SystemExit(3)"))
        .contains("\"status\":\"ERROR\"")
        .contains("\"exitCode\":3");
    assertThat(sandboxed.execute("print('AKIA' + 'IOSFODNN7EXAMPLE')"))
        .as("a secret the program prints is redacted before the caller's model reads it")
        .isEqualTo("[REDACTED:aws_access_key]\n");
  }

  @Test
  void aModelAnswersWhatOnlyTheToolResultCanTellIt() throws Exception {
    String nonce = UUID.randomUUID().toString();
    String digest =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(nonce.getBytes(StandardCharsets.UTF_8)));
    try (ScriptedModel model =
        new ScriptedModel(messages -> {
          String result = ScriptedModel.last(messages, "tool");
          if (result.isEmpty()) {
            return Turn.call(
                "execute_code",
                ScriptedModel.codeArguments(
                    "python",
                    "import hashlib\nprint(hashlib.sha256(b'" + nonce + "').hexdigest())"));
          }
          return Turn.answer("The digest is " + stdout(result));
        })) {
      Assistant assistant = assistant(model);
      assertThat(assistant.chat("What is the SHA-256 of " + nonce + "?"))
          .isEqualTo("The digest is " + digest);
      assertThat(model.requests().getFirst().path("tools").toString())
          .as("the tool as the model sees it")
          .contains("execute_code")
          .contains("language")
          .contains("POLICY_DENIED");
    }
  }

  @Test
  void deniedCodeComesBackWithFindingsAndTheRepairedCodeRuns() throws Exception {
    try (ScriptedModel model =
        new ScriptedModel(messages -> {
          String result = ScriptedModel.last(messages, "tool");
          if (result.isEmpty()) {
            return Turn.call(
                "execute_code",
                ScriptedModel.codeArguments(
                    "python", "print(().__class__.__base__.__subclasses__())"));
          }
          if (result.contains("POLICY_DENIED")) {
            return Turn.call("execute_code", ScriptedModel.codeArguments("python", "print(6 * 7)"));
          }
          return Turn.answer("It is " + stdout(result));
        })) {
      assertThat(assistant(model).chat("What is six times seven?")).isEqualTo("It is 42");
      String firstResult = ScriptedModel.last(model.requests().get(1).path("messages"), "tool");
      assertThat(firstResult)
          .contains("POLICY_DENIED")
          .contains("py.introspection")
          .contains("fix");
      assertThat(model.requests()).hasSize(3);
    }
  }

  private static Assistant assistant(ScriptedModel model) {
    return AiServices.builder(Assistant.class)
        .chatModel(
            OpenAiChatModel.builder()
                .baseUrl(model.baseUrl())
                .apiKey("not-needed")
                .modelName("scripted")
                .build())
        .tools(new BulwarkCodeExecutionTool(client))
        .build();
  }

  private static String stdout(String observation) {
    return JSON.readTree(observation).path("stdout").asString().strip();
  }
}
