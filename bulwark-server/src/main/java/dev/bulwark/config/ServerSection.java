package dev.bulwark.config;

import dev.bulwark.api.ServerConfig;
import dev.bulwark.api.SessionSettings;
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

  static final Key<ServerConfig, Duration> SHUTDOWN_GRACE =
      Key.of(
          "shutdownGrace",
          Type.DURATION,
          ServerConfig::shutdownGrace,
          "on SIGTERM or SIGINT, how long running executions may finish before they are cancelled"
              + " (new requests get 503 meanwhile)");
  static final Key<ServerConfig, Duration> HEAD_TIMEOUT =
      Key.of(
          "headTimeout",
          Type.DURATION,
          s -> s.connections().headTimeout(),
          "how long a connection may take to send a whole request head, from when it opened or its"
              + " last response ended; then it is closed");
  static final Key<ServerConfig, Long> MIN_BODY_RATE =
      Key.of(
          "minBodyRate",
          Type.SIZE,
          s -> s.connections().minBodyRate(),
          "the slowest a request body may come, per second, once it has had `server.headTimeout`"
              + " (408 below); 0 for no minimum");
  static final Key<ServerConfig, Integer> MAX_CONNECTIONS =
      Key.of(
          "maxConnections",
          Type.atLeast(1),
          s -> s.connections().maxConnections(),
          "connections open at once; beyond, new ones wait until one closes");

  static final Key<ServerConfig, Duration> SESSION_IDLE_TIMEOUT =
      Key.of(
          "sessionIdleTimeout",
          Type.DURATION,
          s -> s.sessions().idleTimeout(),
          "a session that runs no cell and moves no file for this long ends; the default and the"
              + " most of a session's `ttl`");
  static final Key<ServerConfig, Duration> SESSION_LIFETIME =
      Key.of(
          "sessionLifetime",
          Type.DURATION,
          s -> s.sessions().maxLifetime(),
          "a session ends this long after it opened, whatever it does");
  static final Key<ServerConfig, Integer> MAX_SESSIONS_PER_TENANT =
      Key.of(
          "maxSessionsPerTenant",
          Type.atLeast(1),
          s -> s.sessions().maxPerTenant(),
          "live sessions a tenant may hold at once; beyond, 409 `too_many_sessions`");
  static final Key<ServerConfig, Long> MAX_SESSION_MEMORY_PER_TENANT =
      Key.of(
          "maxSessionMemoryPerTenant",
          Type.SIZE,
          s -> s.sessions().maxMemoryPerTenant(),
          "the memory limits of a tenant's live sessions, added up, at most; beyond, 409"
              + " `session_memory_limit`");

  static final Section<ServerConfig> SECTION =
      new Section<>(
          "server",
          List.of(
              HOST,
              PORT,
              MAX_CONCURRENT,
              QUEUE_TIMEOUT,
              MAX_QUEUED,
              MAX_SOURCE_SIZE,
              SHUTDOWN_GRACE,
              HEAD_TIMEOUT,
              MIN_BODY_RATE,
              MAX_CONNECTIONS,
              SESSION_IDLE_TIMEOUT,
              SESSION_LIFETIME,
              MAX_SESSIONS_PER_TENANT,
              MAX_SESSION_MEMORY_PER_TENANT),
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
                v.get(MAX_SOURCE_SIZE),
                new ServerConfig.Connections(
                    v.get(HEAD_TIMEOUT), v.get(MIN_BODY_RATE), v.get(MAX_CONNECTIONS)),
                v.get(SHUTDOWN_GRACE),
                new SessionSettings(
                    v.get(SESSION_IDLE_TIMEOUT),
                    v.get(SESSION_LIFETIME),
                    v.get(MAX_SESSIONS_PER_TENANT),
                    v.get(MAX_SESSION_MEMORY_PER_TENANT)));
          });

  private ServerSection() {}
}
