package dev.bulwark.api;

import com.sun.management.OperatingSystemMXBean;
import dev.bulwark.Requests;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How the server listens and how much it takes on at once.
 *
 * @param host address to listen on
 * @param port port; 0 picks a free one
 * @param maxConcurrent executions at once, all tenants together
 * @param queueTimeout how long a request waits for one of those slots before a 429
 * @param maxQueued requests waiting at most; beyond, 429 at once (load never grows memory)
 * @param agent the model behind {@code POST /v1/agent/runs}, and its limits
 * @param maxSourceBytes the largest program {@code POST /v1/executions} accepts, in bytes of UTF-8
 *     (413 {@code source_too_large} beyond)
 */
public record ServerConfig(
    String host,
    int port,
    int maxConcurrent,
    Duration queueTimeout,
    int maxQueued,
    AgentConfig agent,
    long maxSourceBytes) {
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
        Requests.DEFAULT_MAX_SOURCE_BYTES);
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
    return new ServerConfig(host, port, max, timeout, queued, agent, maxSourceBytes);
  }

  public ServerConfig withAgent(AgentConfig agent) {
    return new ServerConfig(
        host, port, maxConcurrent, queueTimeout, maxQueued, agent, maxSourceBytes);
  }

  public ServerConfig withMaxSourceBytes(long bytes) {
    return new ServerConfig(host, port, maxConcurrent, queueTimeout, maxQueued, agent, bytes);
  }
}
