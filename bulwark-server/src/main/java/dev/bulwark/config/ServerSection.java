package dev.bulwark.config;

import dev.bulwark.api.ServerConfig;
import java.time.Duration;
import java.util.List;

/** The {@code server} section: where the server listens and how much it takes on at once. */
final class ServerSection {
  static final Key<ServerConfig, String> HOST =
      Key.of("host", Type.STRING, ServerConfig::host, "address to listen on");
  static final Key<ServerConfig, Integer> PORT =
      Key.of("port", Type.INTEGER, ServerConfig::port, "port to listen on; 0 picks a free one");
  static final Key<ServerConfig, Integer> MAX_CONCURRENT =
      Key.of(
              "maxConcurrent",
              Type.atLeast(1),
              ServerConfig::maxConcurrent,
              "executions at once, all tenants together")
          .documented("2 per core, at most one per 512 MiB of memory");
  static final Key<ServerConfig, Duration> QUEUE_TIMEOUT =
      Key.of(
          "queueTimeout",
          Type.DURATION,
          ServerConfig::queueTimeout,
          "how long a request waits for a free slot before a 429 `overloaded`");
  static final Key<ServerConfig, Integer> MAX_QUEUED =
      Key.of(
              "maxQueued",
              Type.INTEGER,
              ServerConfig::maxQueued,
              "requests waiting for a slot at most; beyond, 429 at once")
          .documented("8 per concurrent execution");
  static final Key<ServerConfig, Long> MAX_SOURCE_SIZE =
      Key.of(
          "maxSourceSize",
          Type.SIZE,
          ServerConfig::maxSourceBytes,
          "the largest program `POST /v1/executions` accepts, 413 `source_too_large` beyond (a"
              + " body is at most 4m)");

  static final Section<ServerConfig> SECTION =
      new Section<>(
          "server",
          List.of(HOST, PORT, MAX_CONCURRENT, QUEUE_TIMEOUT, MAX_QUEUED, MAX_SOURCE_SIZE),
          ConfigFile::server,
          v -> {
            int slots = v.get(MAX_CONCURRENT);
            return new ServerConfig(
                v.get(HOST),
                v.get(PORT),
                slots,
                v.get(QUEUE_TIMEOUT),
                v.get(MAX_QUEUED, 8 * slots),
                v.defaults().agent(),
                v.get(MAX_SOURCE_SIZE));
          });

  private ServerSection() {}
}
