package dev.bulwark.config;

import dev.bulwark.agent.Agent;
import dev.bulwark.agent.ModelSettings;
import dev.bulwark.api.AgentConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code agent} section: the model behind {@code POST /v1/agent/runs} (off without a provider)
 * and the defaults of {@code bulwark agent}, and the most a run may take.
 */
final class AgentSection {
  static final Key<AgentConfig, ModelSettings.Provider> PROVIDER =
      Key.of(
              "provider",
              Type.STRING.map(
                  "`openai`, `anthropic` or `gemini`",
                  ModelSettings.Provider::named,
                  ModelSettings.Provider::toString),
              model(ModelSettings::provider),
              "whose API; openai is also any OpenAI-compatible server")
          .documented("none: agent runs are off");
  static final Key<AgentConfig, String> BASE_URL =
      Key.of("baseUrl", Type.STRING, model(ModelSettings::baseUrl), "the API's base URL")
          .documented("the provider's");
  static final Key<AgentConfig, String> MODEL =
      Key.of("model", Type.STRING, model(ModelSettings::modelOrDefault), "the model's name")
          .documented("the provider's default");
  static final Key<AgentConfig, String> API_KEY =
      Key.of(
              "apiKey",
              Type.STRING.secret(),
              model(ModelSettings::apiKey),
              "the API's key; `config show` prints `***`; prefer the environment variable")
          .documented("`$OPENAI_API_KEY`, `$ANTHROPIC_API_KEY` or `$GEMINI_API_KEY`");
  static final Key<AgentConfig, Integer> MAX_STEPS =
      Key.of(
          "maxSteps",
          Type.INTEGER,
          a -> a.limits().maxSteps(),
          "tool calls of a run: its default and maximum; a request may ask for less");
  static final Key<AgentConfig, Duration> MAX_TIME =
      Key.of("maxTime", Type.DURATION, a -> a.limits().maxTime(), "a run's time, as maxSteps");
  static final Key<AgentConfig, Long> MAX_TOKENS =
      Key.of("maxTokens", Type.LONG, a -> a.limits().maxTokens(), "a run's tokens, as maxSteps");
  static final Key<AgentConfig, Integer> MAX_RUNS =
      Key.of(
          "maxRuns",
          Type.INTEGER,
          AgentConfig::maxRuns,
          "agent runs at once, all tenants together; beyond, 429");

  static final Section<AgentConfig> SECTION =
      new Section<>(
          "agent",
          List.of(PROVIDER, BASE_URL, MODEL, API_KEY, MAX_STEPS, MAX_TIME, MAX_TOKENS, MAX_RUNS),
          c -> c.server().agent(),
          AgentSection::build);

  private AgentSection() {}

  private static AgentConfig build(Section.Values<AgentConfig> v) {
    ModelSettings model = null;
    if (v.has(PROVIDER)) {
      model =
          new ModelSettings(
              v.get(PROVIDER), v.get(BASE_URL, null), v.get(MODEL, null), v.get(API_KEY, null));
    } else {
      for (Key<AgentConfig, String> k : List.of(BASE_URL, MODEL, API_KEY)) {
        if (v.has(k)) {
          throw v.refuse(k, "set agent.provider too");
        }
      }
    }
    return new AgentConfig(
        model,
        new Agent.Limits(v.get(MAX_STEPS), v.get(MAX_TIME), v.get(MAX_TOKENS)),
        v.get(MAX_RUNS));
  }

  /** A setting of the model, null when there is none. */
  private static <T> Function<AgentConfig, T> model(Function<ModelSettings, T> setting) {
    return a -> a.enabled() ? setting.apply(a.model()) : null;
  }
}
