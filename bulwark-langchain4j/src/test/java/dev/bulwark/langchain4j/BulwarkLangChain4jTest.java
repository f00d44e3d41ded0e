package dev.bulwark.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.ScriptedModel;
import dev.bulwark.agent.ScriptedModel.Turn;
import dev.bulwark.api.TestServer;
import dev.bulwark.client.BulwarkClient;
import dev.langchain4j.code.CodeExecutionEngine;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.memory.ChatMemoryAccess;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
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

  /** Chats in conversations: one chat memory each. */
  interface Conversations extends ChatMemoryAccess {
    String chat(@MemoryId String conversation, @UserMessage String code);
  }

  /** Runs the user's message as Python, then answers the result's status and stdout. */
  private static Turn runTheMessage(JsonNode messages) {
    JsonNode last = messages.get(messages.size() - 1);
    if (last.path("role").asString().equals("tool")) {
      JsonNode result = JSON.readTree(last.path("content").asString());
      return Turn.answer(
          result.path("status").asString() + " " + result.path("stdout").asString().strip());
    }
    return Turn.call(
        "execute_code", ScriptedModel.codeArguments("python", last.path("content").asString()));
  }

  @Test
  void eachChatMemoryHasItsOwnSessionWhichEndsWhenTheMemoryIsCleared() throws Exception {
    try (ScriptedModel model = new ScriptedModel(BulwarkLangChain4jTest::runTheMessage);
        BulwarkCodeExecutionTool tool = new BulwarkCodeExecutionTool(client)) {
      ChatMemoryStore store = tool.endingSessions(new InMemoryChatMemoryStore());
      Conversations chats =
          AiServices.builder(Conversations.class)
              .chatModel(chatModel(model))
              .chatMemoryProvider(id ->
                  MessageWindowChatMemory.builder()
                      .id(id)
                      .maxMessages(20)
                      .chatMemoryStore(store)
                      .build())
              .tools(tool)
              .build();
      assertThat(chats.chat("alice", "x = 41")).isEqualTo("OK ");
      assertThat(chats.chat("alice", "print(x + 1)"))
          .as("the second call builds on the first")
          .isEqualTo("OK 42");
      assertThat(chats.chat("bob", "print(x)"))
          .as("another memory, another session")
          .isEqualTo("ERROR ");
      assertThat(liveSessions()).isEqualTo(2);

      chats.getChatMemory("alice").clear();
      assertThat(liveSessions()).as("alice's session ended with her memory").isEqualTo(1);
      assertThat(chats.chat("alice", "print(x)")).as("a fresh session").isEqualTo("ERROR ");
      assertThat(chats.evictChatMemory("bob")).isTrue();
      tool.end("bob");
      assertThat(liveSessions()).as("bob's ended with end()").isEqualTo(1);
    }
    assertThat(liveSessions()).as("close() ends the rest").isZero();

    try (ScriptedModel model = new ScriptedModel(BulwarkLangChain4jTest::runTheMessage)) {
      Assistant oneShot = assistant(model);
      assertThat(oneShot.chat("y = 1")).isEqualTo("OK ");
      assertThat(oneShot.chat("print(y)"))
          .as("without a memory id each call runs in a fresh sandbox")
          .isEqualTo("ERROR ");
    }
  }

  /** The sessions of the test's tenant that have not ended. */
  private static long liveSessions() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.uri().resolve("/v1/sessions"))
                    .header("Authorization", "Bearer " + server.key())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).path("sessions").findValuesAsString("state").stream()
        .filter(state -> state.equals("idle") || state.equals("busy"))
        .count();
  }

  private static OpenAiChatModel chatModel(ScriptedModel model) {
    return OpenAiChatModel.builder()
        .baseUrl(model.baseUrl())
        .apiKey("not-needed")
        .modelName("scripted")
        .build();
  }

  private static Assistant assistant(ScriptedModel model) {
    return AiServices.builder(Assistant.class)
        .chatModel(chatModel(model))
        .tools(new BulwarkCodeExecutionTool(client))
        .build();
  }

  private static String stdout(String observation) {
    return JSON.readTree(observation).path("stdout").asString().strip();
  }
}
