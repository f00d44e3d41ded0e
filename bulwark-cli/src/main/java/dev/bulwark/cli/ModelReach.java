package dev.bulwark.cli;

import dev.bulwark.agent.ModelSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a model's API cannot be reached, in the words of one line: the model's client only says that
 * its call failed, so after a failure the agent command opens a connection of its own to the API's
 * address and names what stops it.
 */
final class ModelReach {
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private ModelReach() {}

  /** The API's base URL: the settings', or the provider's own. */
  static String url(ModelSettings settings) {
    if (settings.baseUrl() != null) {
      return settings.baseUrl();
    }
    return switch (settings.provider()) {
      case OPENAI -> "https://api.openai.com/v1";
      case ANTHROPIC -> "https://api.anthropic.com/v1";
      case GEMINI -> "https://generativelanguage.googleapis.com/v1beta";
    };
  }

  /**
   * What stops a connection to {@code url}'s host and port ({@code connection refused}, {@code
   * unknown host NAME}...), or empty when one opens.
   */
  static Optional<String> problem(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of("not a URL: " + e.getMessage());
    }
    if (uri.getHost() == null) {
      return Optional.of("the URL names no host");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + uri.getHost());
    } catch (SocketTimeoutException e) {
      return Optional.of("no answer within " + CONNECT_TIMEOUT_MS / 1000 + "s");
    } catch (ConnectException e) {
      return Optional.of(lowerCase(e.getMessage(), "connection refused"));
    } catch (IOException e) {
      return Optional.of(lowerCase(e.getMessage(), e.getClass().getSimpleName()));
    }
  }

  private static String lowerCase(String message, String fallback) {
    return message == null ? fallback : message.toLowerCase(Locale.ROOT);
  }
}
