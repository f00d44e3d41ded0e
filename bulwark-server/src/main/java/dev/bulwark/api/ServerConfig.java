package dev.bulwark.api;

import com.sun.management.OperatingSystemMXBean;
import dev.bulwark.Requests;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How the server listens, how much it takes on at once, what it bears of slow clients and how it
 * stops.
 *
 * @param host address to listen on
 * @param port port; 0 picks a free one
 * @param maxConcurrent executions at once, all tenants together
 * @param queueTimeout how long a request waits for one of those slots before a 429
 * @param maxQueued requests waiting at most; beyond, 429 at once (load never grows memory)
 * @param agent the model behind {@code POST /v1/agent/runs}, and its limits
 * @param maxSourceBytes the largest program {@code POST /v1/executions} accepts, in bytes of UTF-8
 *     (413 {@code source_too_large} beyond)
 * @param connections what a client's connection may hold of the server
 * @param shutdownGrace how long a stopping server lets running executions finish before it cancels
 *     them
 * @param sessions how long sessions live and how many a tenant may hold
 */
public record ServerConfig(
    String host,
    int port,
    int maxConcurrent,
    Duration queueTimeout,
    int maxQueued,
    AgentConfig agent,
    long maxSourceBytes,
    Connections connections,
    Duration shutdownGrace,
    SessionSettings sessions) {

  /** The grace a stopping server gives running executions by default. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

  /**
   * What one client's connection may hold of the server, so that slow or idle clients cannot
   * exhaust it.
   *
   * @param headTimeout how long a connection may take to deliver a whole request head, from when it
   *     opened or its previous response ended; then it is closed
   * @param minBodyRate the slowest a request body may come, bytes a second, once it has had {@code
   *     headTimeout} (408 below); 0 for no minimum
   * @param maxConnections connections open at once; beyond, new ones wait in the kernel's backlog
   */
  public record Connections(Duration headTimeout, long minBodyRate, int maxConnections) {
    /** A 10 s head deadline, bodies at 1 KiB/s at least, 1,000 connections. */
    public static final Connections DEFAULTS = new Connections(Duration.ofSeconds(10), 1024, 1000);

    public Connections {
      if (headTimeout.isNegative() || headTimeout.isZero()) {
        throw new IllegalArgumentException("headTimeout must be positive");
      }
      if (minBodyRate < 0 || maxConnections < 1) {
        throw new IllegalArgumentException(
            "minBodyRate must not be negative, maxConnections at least 1");
      }
    }
  }

  public ServerConfig(
      String host, int port, int maxConcurrent, Duration queueTimeout, int maxQueued) {
    this(host, port, maxConcurrent, queueTimeout, maxQueued, AgentConfig.disabled());
  }

  public ServerConfig(
      String host,
      int port,
      int maxConcurrent,
      Duration queueTimeout,
      int maxQueued,
      AgentConfig agent) {
    this(
        host,
        port,
        maxConcurrent,
        queueTimeout,
        maxQueued,
        agent,
        Requests.DEFAULT_MAX_SOURCE_BYTES,
        Connections.DEFAULTS,
        DEFAULT_SHUTDOWN_GRACE,
        SessionSettings.DEFAULTS);
  }

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535");
    }
    if (maxConcurrent < 1 || maxQueued < 0 || queueTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "at least one concurrent execution, and no negative queue or timeout");
    }
    if (maxSourceBytes < 1) {
      throw new IllegalArgumentException("maxSourceSize must be at least 1 byte");
    }
    Objects.requireNonNull(sessions, "sessions");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must not be negative");
    }
  }

  /**
   * Listens on {@code host:port}; runs two executions per core, bounded by memory (one per 512 MiB
   * of the JVM's view of the machine), queues eight per slot for up to 10 s.
   */
  public static ServerConfig defaults(String host, int port) {
    int cores = Runtime.getRuntime().availableProcessors();
    long memory =
        ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    int byMemory = (int) Math.max(1, memory / (512L << 20));
    int slots = Math.max(1, Math.min(2 * cores, byMemory));
    return new ServerConfig(host, port, slots, Duration.ofSeconds(10), 8 * slots);
  }

  public ServerConfig withConcurrency(int max, Duration timeout, int queued) {
    return new ServerConfig(
        host,
        port,
        max,
        timeout,
        queued,
        agent,
        maxSourceBytes,
        connections,
        shutdownGrace,
        sessions);
  }

  public ServerConfig withAgent(AgentConfig value) {
    return new ServerConfig(
        host,
        port,
        maxConcurrent,
        queueTimeout,
        maxQueued,
        value,
        maxSourceBytes,
        connections,
        shutdownGrace,
        sessions);
  }

  public ServerConfig withMaxSourceBytes(long bytes) {
    return new ServerConfig(
        host,
        port,
        maxConcurrent,
        queueTimeout,
        maxQueued,
        agent,
        bytes,
        connections,
        shutdownGrace,
        sessions);
  }

  public ServerConfig withConnections(Connections value) {
    return new ServerConfig(
        host,
        port,
        maxConcurrent,
        queueTimeout,
        maxQueued,
        agent,
        maxSourceBytes,
        value,
        shutdownGrace,
        sessions);
  }

  public ServerConfig withShutdownGrace(Duration value) {
    return new ServerConfig(
        host,
        port,
        maxConcurrent,
        queueTimeout,
        maxQueued,
        agent,
        maxSourceBytes,
        connections,
        value,
        sessions);
  }

  public ServerConfig withSessions(SessionSettings value) {
    return new ServerConfig(
        host,
        port,
        maxConcurrent,
        queueTimeout,
        maxQueued,
        agent,
        maxSourceBytes,
        connections,
        shutdownGrace,
        value);
  }
}
