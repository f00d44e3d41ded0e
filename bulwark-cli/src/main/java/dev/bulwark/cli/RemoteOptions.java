package dev.bulwark.cli;

import dev.bulwark.client.BulwarkClient;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * The flags of a command that talks to a Bulwark server: its URL and the API key, each with an
 * environment variable as its default, so that a shell can set them once for many commands.
 */
final class RemoteOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      defaultValue = "${env:BULWARK_SERVER}",
      description = "The Bulwark server, e.g. http://127.0.0.1:8080 (default: $BULWARK_SERVER).")
  URI server;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      defaultValue = "${env:BULWARK_API_KEY}",
      description = "The server's API key (default: $BULWARK_API_KEY).")
  String key;

  /** Whether a server was named. */
  boolean given() {
    return server != null;
  }

  /**
   * A client of the server as the key's tenant.
   *
   * @throws IllegalArgumentException without a server or a key
   */
  BulwarkClient connect() {
    if (server == null) {
      throw new IllegalArgumentException("no server: give --server URL or set $BULWARK_SERVER");
    }
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("--server needs --key or $BULWARK_API_KEY");
    }
    if (server.getScheme() == null || server.getHost() == null) {
      throw new IllegalArgumentException("--server " + server + ": not an http:// or https:// URL");
    }
    return BulwarkClient.connect(server, key);
  }
}
