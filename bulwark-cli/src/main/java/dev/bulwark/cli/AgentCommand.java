package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Profiles;
import dev.bulwark.agent.Agent;
import dev.bulwark.agent.CodeRunner;
import dev.bulwark.agent.ModelSettings;
import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.BulwarkException;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Hands a task to a model that can run code in this host's sandboxes, and prints its final"
          + " answer.",
      "Each step's progress goes to stderr, the answer to stdout. API keys are never printed."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      "0:an answer",
      "1:a limit ended the run without an answer",
      ExitCode.HELP_USAGE,
      "3:the model, the server or the sandbox cannot be reached or failed"
    })
final class AgentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TASK", description = "What to do, in words.")
  String task;

  @Option(
      names = "--provider",
      description =
          "openai (also any OpenAI-compatible server: vLLM, Ollama, LM Studio, llama.cpp, with"
              + " --base-url), anthropic or gemini (default: the configuration file's"
              + " agent.provider, else openai).")
  String provider;

  @Option(names = "--base-url", paramLabel = "URL", description = "The provider's API base URL.")
  String baseUrl;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description =
          "The model (default: gpt-4o-mini, claude-3-5-haiku-latest or gemini-2.0-flash).")
  String model;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description =
          "The provider's key (default: $OPENAI_API_KEY, $ANTHROPIC_API_KEY or $GEMINI_API_KEY).")
  String apiKey;

  @Option(
      names = "--max-steps",
      defaultValue = "10",
      description = "Tool calls at most (default: ${DEFAULT-VALUE}).")
  int maxSteps;

  @Option(
      names = "--max-time",
      defaultValue = "5m",
      paramLabel = "DURATION",
      description = "Wall-clock time at most (default: ${DEFAULT-VALUE}).")
  Duration maxTime;

  @Option(
      names = "--max-tokens",
      defaultValue = "200000",
      description = "Tokens at most, as the model reports them (default: ${DEFAULT-VALUE}).")
  long maxTokens;

  @Option(
      names = "--profile",
      defaultValue = "default",
      description = "The limits of every run: a preset (default: ${DEFAULT-VALUE}).")
  String profile;

  @Mixin PolicyOptions policy;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Run the model's code on this Bulwark server, as --key's tenant (its policy and limits,"
              + " each run audited there), instead of on this host.")
  URI server;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      description = "The server's API key (default: $BULWARK_API_KEY); with --server.")
  String key;

  @Option(
      names = "--file",
      paramLabel = "PATH[=NAME]",
      description =
          "A local file placed in the model's workspace before the first step, as NAME (default:"
              + " the file's own name). Repeatable.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where the figures the code drew (figure-1.png...) and the files it wrote are saved at"
              + " the end (created if missing); each saved path is printed on stderr.")
  Path out;

  @Option(
      names = "--text-only",
      description =
          "The model reads no images: the figures the code draws are only named (for a model"
              + " without vision).")
  boolean textOnly;

  @Mixin DataOptions data;

  @Mixin ConfigOptions configOptions;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() {
    if (task.isBlank()) {
      throw new IllegalArgumentException("the task is empty");
    }
    Agent.Limits limits;
    try {
      limits = new Agent.Limits(maxSteps, maxTime, maxTokens);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--max-steps, --max-time, --max-tokens: " + e.getMessage(), e);
    }
    Map<String, byte[]> inputs = inputs();
    OutputDirectory saved = outputDirectory();
    ModelSettings settings = modelSettings();
    ChatModel chat = settings.chatModel(System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (server != null) {
      String token = key != null ? key : System.getenv("BULWARK_API_KEY");
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("--server needs --key or $BULWARK_API_KEY");
      }
      try (BulwarkClient client = BulwarkClient.connect(server, token);
          ClientRunner runner = clientRunner(client)) {
        return report(agent(chat, runner, limits, inputs), saved, settings, out, err);
      }
    }
    var resolved = policy.resolve();
    var sandboxLimits = Profiles.named(profile);
    try (Engine engine = engineOptions.start(err);
        EngineRunner runner = new EngineRunner(engine, resolved, sandboxLimits)) {
      return report(agent(chat, runner, limits, inputs), saved, settings, out, err);
    }
  }

  private ClientRunner clientRunner(BulwarkClient client) {
    try {
      return new ClientRunner(client, policy.forServer(spec), given("--profile") ? profile : null);
    } catch (BulwarkException e) {
      String message = "--server " + server + ": " + e.getMessage();
      throw e.status() == 0 // unreachable: the environment's; else the key or the URL's
          ? new IllegalStateException(message, e)
          : new IllegalArgumentException(message, e);
    }
  }

  private Agent agent(
      ChatModel chat, CodeRunner runner, Agent.Limits limits, Map<String, byte[]> inputs) {
    return new Agent(chat, runner, limits).withFiles(inputs).withImages(!textOnly);
  }

  /** The --file files by their names, read now: a missing one fails before the model is asked. */
  private Map<String, byte[]> inputs() {
    try {
      return RunFiles.read(files);
    } catch (IOException e) {
      throw new IllegalArgumentException("--file: cannot read " + e.getMessage(), e);
    }
  }

  /** The --out directory, made now, so that a bad one fails before the model is asked. */
  private OutputDirectory outputDirectory() {
    if (out == null) {
      return null;
    }
    try {
      return OutputDirectory.open(out);
    } catch (IOException e) {
      throw new IllegalArgumentException("--out " + out + ": " + e, e);
    }
  }

  /**
   * Runs the agent: steps and saved files on stderr, the answer on stdout; the exit code.
   *
   * @param saved where the figures and files go, or null
   */
  private int report(
      Agent agent,
      OutputDirectory saved,
      ModelSettings settings,
      PrintWriter out,
      PrintWriter err) {
    Agent.Result r =
        agent.run(
            task,
            new Agent.Listener() {
              @Override
              public void step(Agent.Step s) {
                err.printf(
                    "bulwark: step %d: %s, %d lines: %s%s%n",
                    s.number(),
                    s.language(),
                    s.code().lines().count(),
                    s.status(),
                    s.redactions().isEmpty() ? "" : " (redacted: " + s.redactions() + ")");
                err.flush();
              }

              @Override
              public Agent.FileSink files() {
                return saved == null ? null : (name, content) -> save(saved, name, content, err);
              }
            });
    if (r.end() == Agent.End.ANSWER) {
      out.println(r.answer());
      out.flush();
      return ExitCode.OK;
    }
    if (r.end() == Agent.End.MODEL_ERROR) {
      String url = ModelReach.url(settings);
      err.println(
          ModelReach.problem(url)
              .map(problem -> "bulwark: cannot reach the model at " + url + ": " + problem)
              .orElse("bulwark: the model at " + url + " failed: " + r.error()));
      err.flush();
      return ExitCode.ENVIRONMENT;
    }
    err.printf(
        "bulwark: stopped without an answer: %s after %d steps, %d tokens, %d ms%n",
        r.end().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        r.steps().size(),
        r.tokens(),
        r.elapsed().toMillis());
    err.flush();
    return ExitCode.FAILED;
  }

  /** Saves one file and prints where; a name the directory refuses is skipped, and said. */
  private static void save(OutputDirectory dir, String name, byte[] content, PrintWriter err) {
    try {
      err.println("bulwark: saved " + dir.write(name, content));
    } catch (IllegalArgumentException e) {
      err.println("bulwark: not saved: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    err.flush();
  }

  /**
   * The model: flags over the configuration file's {@code agent} section; the file's URL, model and
   * key apply only to its own provider.
   */
  private ModelSettings modelSettings() {
    ModelSettings file = configOptions.load(data).server().agent().model();
    ModelSettings.Provider chosen =
        provider != null
            ? ModelSettings.Provider.named(provider)
            : file != null ? file.provider() : ModelSettings.Provider.OPENAI;
    ModelSettings same = file != null && file.provider() == chosen ? file : null;
    return new ModelSettings(
        chosen,
        baseUrl != null ? baseUrl : same == null ? null : same.baseUrl(),
        model != null ? model : same == null ? null : same.model(),
        apiKey != null ? apiKey : same == null ? null : same.apiKey());
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }
}
