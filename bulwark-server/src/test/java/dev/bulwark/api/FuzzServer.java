package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.agent.ModelSettings;
import dev.bulwark.agent.ScriptedModel;
import dev.bulwark.agent.ScriptedModel.Turn;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The real server the fuzz tests send their requests to: real sandboxes, a tenant whose limits the
 * fuzzer cannot exhaust, an operator's key, and a scripted model so that agent runs are served.
 * Counts what it was sent and what it answered, for the run's summary.
 */
final class FuzzServer implements AutoCloseable {
  private final Path data;
  private final Engine engine;
  private final Store store;
  private final ScriptedModel model;
  private final ApiServer server;
  final String key;
  final String operatorKey;
  private final AtomicLong sent = new AtomicLong();
  private final Map<Integer, Long> statuses = new TreeMap<>();

  private FuzzServer() throws IOException {
    data = Files.createTempDirectory("bulwark-fuzz");
    engine = Engine.start(EngineConfig.defaults().withWarmPools(List.of()));
    store = Store.open(data);
    new Tenants(store.dataSource()).create("fuzz", "standard", "strict", 64, 10_000_000, false, 0);
    ApiKeys keys = new ApiKeys(store.dataSource());
    key = keys.issue("fuzz", "fuzzer").token();
    operatorKey = keys.issue("fuzz", "ops", true).token();
    model = new ScriptedModel(messages -> Turn.answer("done"));
    AgentConfig agent =
        new AgentConfig(
            new ModelSettings(ModelSettings.Provider.OPENAI, model.baseUrl(), "scripted", null),
            AgentConfig.disabled().limits(),
            4);
    server = ApiServer.start(engine, store, ServerConfig.defaults("127.0.0.1", 0).withAgent(agent));
  }

  static FuzzServer start() {
    try {
      return new FuzzServer();
    } catch (IOException e) {
      throw new IllegalStateException("the fuzz server could not start", e);
    }
  }

  int port() {
    return server.port();
  }

  /**
   * Tells Jazzer's SSRF detector, which refuses every connection unless told, that connections to
   * this host are expected (the server, its model), until closed. Jazzer resets what it was told
   * between its phases, so each exchange says it again.
   */
  static SilentCloseable loopback() {
    return BugDetectors.allowNetworkConnections(
        (host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
  }

  /** Counts one exchange. */
  synchronized void answered(int status) {
    sent.incrementAndGet();
    statuses.merge(status, 1L, Long::sum);
  }

  long sent() {
    return sent.get();
  }

  /**
   * Fails when any answer was a 5xx, and, in Jazzer's fuzzing mode, when fewer than 10,000 requests
   * went out (a finding stops the fuzzer early: the build must not pass for it).
   */
  synchronized void requireNo5xx() {
    long fives = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).count();
    if (fives > 0) {
      throw new AssertionError("answers with a 5xx: " + summary());
    }
    if (System.getenv("JAZZER_FUZZ") != null && sent.get() < 10_000) {
      throw new AssertionError("the fuzzer stopped early, at a finding: " + summary());
    }
  }

  /** One line: requests sent, and how many of each status. */
  synchronized String summary() {
    long fives =
        statuses.entrySet().stream()
            .filter(e -> e.getKey() >= 500)
            .mapToLong(Map.Entry::getValue)
            .sum();
    return sent + " requests, " + fives + " answered 5xx; by status " + statuses;
  }

  /**
   * Ends a fuzzing run: prints the summary (docs/reliability.md quotes it), requires the server to
   * answer still and no answer to have been a 5xx, and stops the server whatever the verdict.
   */
  void finish(String surface) throws IOException {
    try {
      System.out.println(surface + " fuzzing: " + summary());
      assertThat(alive()).as("the server answers after the fuzzing").isTrue();
      requireNo5xx();
    } finally {
      close();
    }
  }

  /** Whether the server still answers a plain request. */
  boolean alive() throws IOException {
    return RawHttp.exchange(port(), RawHttp.request("GET", "/healthz", null, null, null)).status()
        == 200;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
    model.close();
    store.close();
    engine.close();
    try (Stream<Path> files = Files.walk(data)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(p -> p.toFile().delete()); // the fuzz run's own temporary directory
    }
  }
}
