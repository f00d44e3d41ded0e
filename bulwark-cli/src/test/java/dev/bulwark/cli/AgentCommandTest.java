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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * Step 1 loads the CSV the task came with and draws it; step 2 uses what step 1 defined and
   * writes a file; then the answer.
   */
  private static Turn analyse(JsonNode messages) {
    long results = messages.findValuesAsString("role").stream().filter("tool"::equals).count();
    if (results == 0) {
      String task = ScriptedModel.last(messages, "user");
      String file = task.substring(task.indexOf("working directory: ") + 19).strip();
      return Turn.call(
          "execute_code",
          ScriptedModel.codeArguments(
              "python",
              "import csv\nimport matplotlib.pyplot as plt\n"
                  + "rows = list(csv.DictReader(open('"
                  + file
                  + "')))\n"
                  + "plt.bar([r['region'] for r in rows], [int(r['units']) for r in rows])"));
    }
    if (results == 1) {
      return Turn.call(
          "execute_code",
          ScriptedModel.codeArguments(
              "python",
              "import os\ntotal = sum(int(r['units']) for r in rows)\n"
                  + "os.makedirs('out', exist_ok=True)\n"
                  + "open('out/total.txt', 'w').write(str(total))\nprint(total)"));
    }
    return Turn.answer(
        "Total " + ScriptedModel.spotlightedStdout(ScriptedModel.last(messages, "tool")));
  }

  /** The documented {@code bulwark agent --file ... --out ...} line, run as written. */
  @Test
  void theDocumentedFileAndOutRunUploadsTheFileAndSavesTheFigureAndTheFileMade(@TempDir Path dir)
      throws Exception {
    String line =
        DocsTest.commands().stream()
            .map(DocsTest.Command::line)
            .filter(l -> l.startsWith("./bulwark agent --file"))
            .findFirst()
            .orElseThrow();
    List<String> args = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (word.find()) {
      args.add(word.group(1) != null ? word.group(1) : word.group(2));
    }
    assertThat(args.subList(0, 2)).containsExactly("./bulwark", "agent");
    args = new ArrayList<>(args.subList(1, args.size()));
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path csv = root.resolve(args.get(args.indexOf("--file") + 1));
    args.set(args.indexOf("--file") + 1, csv.toString());
    Path out = dir.resolve(args.get(args.indexOf("--out") + 1));
    args.set(args.indexOf("--out") + 1, out.toString());
    long units =
        Files.readAllLines(csv).stream()
            .skip(1)
            .mapToLong(l -> Long.parseLong(l.split(",")[2]))
            .sum();
    try (ScriptedModel model = new ScriptedModel(AgentCommandTest::analyse)) {
      args.addAll(1, List.of("--base-url", model.baseUrl()));
      MainTest.Outcome o = MainTest.bulwark(args.toArray(String[]::new));
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.out()).as("step 2 used the rows step 1 read").isEqualTo("Total " + units + "\n");
      assertThat(model.requests().getFirst().toString())
          .as("the model is told of the file")
          .contains("Files in the working directory: " + csv.getFileName());
      assertThat(Files.readString(out.resolve("out/total.txt"))).isEqualTo(String.valueOf(units));
      assertThat(Files.readAllBytes(out.resolve("figure-1.png"))).startsWith(0x89, 'P', 'N', 'G');
      assertThat(out.resolve(csv.getFileName().toString()))
          .as("an input left as it was is not saved")
          .doesNotExist();
      assertThat(o.err())
          .contains("bulwark: saved " + out.resolve("figure-1.png"))
          .contains("bulwark: saved " + out.resolve("out/total.txt"));
    }
  }

  @Test
  void aMissingFileFailsBeforeTheModelIsAsked(@TempDir Path dir) throws Exception {
    try (ScriptedModel model = new ScriptedModel(AgentCommandTest::printThenAnswer)) {
      MainTest.Outcome o =
          MainTest.bulwark(
              "agent",
              "--base-url",
              model.baseUrl(),
              "--file",
              dir.resolve("nope.csv").toString(),
              "Hello");
      assertThat(o.exitCode()).isEqualTo(2);
      assertThat(o.err()).contains("--file").contains("nope.csv");
      assertThat(model.requests()).isEmpty();
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
