package dev.bulwark.agent;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Which model an agent talks to, through LangChain4j's module for its provider: OpenAI or any
 * OpenAI-compatible server (vLLM, Ollama, LM Studio, llama.cpp) by base URL, Anthropic, or Google
 * Gemini. The key is never part of {@link #toString()}.
 *
 * @param provider whose API
 * @param baseUrl the API's base URL, or null for the provider's own
 * @param model the model's name, or null for the provider's default
 * @param apiKey the key, or null to read the provider's environment variable
 */
public record ModelSettings(Provider provider, String baseUrl, String model, String apiKey) {
  /** The providers, each with its default model and the variable its key is read from. */
  public enum Provider {
    OPENAI("gpt-4o-mini", "OPENAI_API_KEY"),
    ANTHROPIC("claude-3-5-haiku-latest", "ANTHROPIC_API_KEY"),
    GEMINI("gemini-2.0-flash", "GEMINI_API_KEY");

    private final String defaultModel;
    private final String keyVariable;

    Provider(String defaultModel, String keyVariable) {
      this.defaultModel = defaultModel;
      this.keyVariable = keyVariable;
    }

    public String defaultModel() {
      return defaultModel;
    }

    public String keyVariable() {
      return keyVariable;
    }

    /** A provider by its name in flags and files: openai, anthropic or gemini. */
    public static Provider named(String name) {
      for (Provider p : values()) {
        if (p.name().equalsIgnoreCase(name)) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "unknown provider '" + name + "': use openai, anthropic or gemini");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How long one model call may take. */
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

  public ModelSettings {
    if (provider == null) {
      throw new IllegalArgumentException("no provider");
    }
  }

  /**
   * The chat model, its key from these settings or else from {@code env}.
   *
   * @throws IllegalArgumentException when a hosted API has no key; a local OpenAI-compatible server
   *     (one with a base URL) needs none
   */
  public ChatModel chatModel(Map<String, String> env) {
    String key = apiKey != null ? apiKey : env.get(provider.keyVariable());
    if (key == null && !(provider == Provider.OPENAI && baseUrl != null)) {
      throw new IllegalArgumentException(
          "no API key for " + provider + ": give one or set $" + provider.keyVariable());
    }
    String name = modelOrDefault();
    return switch (provider) {
      case OPENAI -> {
        var b =
            OpenAiChatModel.builder()
                .modelName(name)
                .apiKey(key != null ? key : "none")
                .timeout(CALL_TIMEOUT);
        yield (baseUrl == null ? b : b.baseUrl(baseUrl)).build();
      }
      case ANTHROPIC -> {
        var b = AnthropicChatModel.builder().modelName(name).apiKey(key).timeout(CALL_TIMEOUT);
        yield (baseUrl == null ? b : b.baseUrl(baseUrl)).build();
      }
      case GEMINI -> {
        var b = GoogleAiGeminiChatModel.builder().modelName(name).apiKey(key).timeout(CALL_TIMEOUT);
        yield (baseUrl == null ? b : b.baseUrl(baseUrl)).build();
      }
    };
  }

  /** The model's name, the provider's default when none was given. */
  public String modelOrDefault() {
    return model != null ? model : provider.defaultModel();
  }

  @Override
  public String toString() {
    return "ModelSettings[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", model="
        + modelOrDefault()
        + ", apiKey="
        + (apiKey == null ? "from $" + provider.keyVariable() : "***")
        + "]";
  }
}
