package dev.bulwark.config;

import dev.bulwark.EgressConfig;
import dev.bulwark.EngineConfig;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.agent.Agent;
import dev.bulwark.agent.ModelSettings;
import dev.bulwark.api.AgentConfig;
import dev.bulwark.api.ServerConfig;
import dev.bulwark.model.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operator's configuration of {@code bulwark serve}: how the server listens and how much it
 * takes on, and how the engine sandboxes. A YAML file in which every key is optional; what it does
 * not say keeps its default, and flags override the file. An unknown key or a bad value is refused
 * with its path, so a typo never silently falls back to a default.
 *
 * <pre>
 * server:
 *   host: 127.0.0.1
 *   port: 8080
 *   maxConcurrent: 4          # default: 2 per core, at most one per 512 MiB
 *   queueTimeout: 10s
 *   maxQueued: 32             # default: 8 per concurrent execution
 * engine:
 *   stateDir: /run/bulwark
 *   bwrap: /usr/bin/bwrap
 *   degraded: false
 *   stagedLaunchers: 2
 *   sandboxUidBase: 2000000000
 *   sandboxUidCount: 1000
 *   warmPools: [python:default=4, javascript:default=2]
 *   warmMaxIdle: 10m
 * network:                    # the egress proxy (operators only; policies say which hosts)
 *   mapHosts: [api.internal=127.0.0.1:9000]
 *   credentials: ["api.internal=Authorization: Bearer ..."]
 *   maxBytes: 64m              # per execution, both ways
 *   maxConnections: 32         # per execution
 *   intercept: [api.example.com]  # HTTPS ended in the proxy, so that credentials reach it
 *   upstreamCa: /etc/bulwark/internal-ca.pem
 * agent:                      # POST /v1/agent/runs; off without a provider
 *   provider: openai          # openai (or any OpenAI-compatible server), anthropic, gemini
 *   baseUrl: http://127.0.0.1:11434/v1
 *   model: qwen2.5-coder
 *   apiKey: ...               # default: $OPENAI_API_KEY, $ANTHROPIC_API_KEY or $GEMINI_API_KEY
 *   maxSteps: 10              # each run's default and maximum
 *   maxTime: 5m
 *   maxTokens: 200000
 *   maxRuns: 4                # agent runs at once
 * </pre>
 */
public record ConfigFile(ServerConfig server, EngineConfig engine) {
  /** The file {@code bulwark serve} reads from its data directory when no --config names one. */
  public static final String NAME = "bulwark.yaml";

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** The warm pools of a server nobody configured. */
  public static final List<WarmPoolSpec> DEFAULT_POOLS =
      List.of(
          new WarmPoolSpec("python", "default", 4), new WarmPoolSpec("javascript", "default", 2));

  private static final Set<String> SECTIONS = Set.of("server", "engine", "network", "agent");
  private static final Set<String> NETWORK_KEYS =
      Set.of("mapHosts", "credentials", "maxBytes", "maxConnections", "intercept", "upstreamCa");
  private static final Set<String> AGENT_KEYS =
      Set.of(
          "provider", "baseUrl", "model", "apiKey", "maxSteps", "maxTime", "maxTokens", "maxRuns");
  private static final Set<String> SERVER_KEYS =
      Set.of("host", "port", "maxConcurrent", "queueTimeout", "maxQueued");
  private static final Set<String> ENGINE_KEYS =
      Set.of(
          "stateDir",
          "bwrap",
          "degraded",
          "stagedLaunchers",
          "sandboxUidBase",
          "sandboxUidCount",
          "warmPools",
          "warmMaxIdle");

  /** What {@code bulwark serve} runs with when nothing is configured. */
  public static ConfigFile defaults() {
    return new ConfigFile(
        ServerConfig.defaults("127.0.0.1", 8080),
        EngineConfig.defaults().withWarmPools(DEFAULT_POOLS));
  }

  /**
   * Reads a configuration over the defaults.
   *
   * @param source where the text comes from, for messages
   * @throws IllegalArgumentException naming the file, the key and what is wrong
   */
  public static ConfigFile parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage());
    }
    try {
      return fromTree(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static ConfigFile fromTree(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return defaults(); // an empty file
    }
    JsonNode server = section(root, null, SECTIONS).path("server");
    JsonNode engine = root.path("engine");
    JsonNode agent = root.path("agent");
    section(server, "server", SERVER_KEYS);
    section(engine, "engine", ENGINE_KEYS);
    section(agent, "agent", AGENT_KEYS);
    JsonNode network = root.path("network");
    section(network, "network", NETWORK_KEYS);

    ServerConfig s = defaults().server();
    String host = text(server, "server.host", s.host());
    int port = integer(server, "server.port", s.port());
    ServerConfig sized = ServerConfig.defaults(host, port);
    int slots = integer(server, "server.maxConcurrent", sized.maxConcurrent());
    if (slots < 1) {
      throw new IllegalArgumentException("server.maxConcurrent: at least 1");
    }
    Duration timeout = duration(server, "server.queueTimeout", sized.queueTimeout());
    int queued = integer(server, "server.maxQueued", 8 * slots);
    ServerConfig serverConfig;
    try {
      serverConfig = new ServerConfig(host, port, slots, timeout, queued, agent(agent));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("server: " + e.getMessage(), e);
    }

    EngineConfig e = defaults().engine();
    List<WarmPoolSpec> pools = e.warmPools();
    if (!engine.path("warmPools").isMissingNode()) {
      pools = new ArrayList<>();
      for (String spec : strings(engine.path("warmPools"), "engine.warmPools")) {
        try {
          pools.add(WarmPoolSpec.parse(spec));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("engine.warmPools: " + ex.getMessage(), ex);
        }
      }
    }
    try {
      EngineConfig engineConfig =
          new EngineConfig(
              Path.of(text(engine, "engine.bwrap", e.bwrap().toString())),
              Path.of(text(engine, "engine.stateDir", e.stateDir().toString())),
              longValue(engine, "engine.sandboxUidBase", e.sandboxUidBase()),
              integer(engine, "engine.sandboxUidCount", e.sandboxUidCount()),
              bool(engine, "engine.degraded", e.allowDegraded()),
              integer(engine, "engine.stagedLaunchers", e.stagedLaunchers()),
              pools,
              duration(engine, "engine.warmMaxIdle", e.warmMaxIdle()),
              egress(network, e.egress()));
      return new ConfigFile(serverConfig, engineConfig);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("engine: " + ex.getMessage(), ex);
    }
  }

  /** The network section over the defaults (which map, inject and intercept nothing). */
  private static EgressConfig egress(JsonNode network, EgressConfig d) {
    EgressConfig e = d;
    try {
      e = e.plusMappings(optionalStrings(network, "network.mapHosts"));
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("network.mapHosts: " + ex.getMessage(), ex);
    }
    try {
      e = e.plusCredentials(optionalStrings(network, "network.credentials"));
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("network.credentials: " + ex.getMessage(), ex);
    }
    try {
      e = e.plusIntercept(optionalStrings(network, "network.intercept"));
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("network.intercept: " + ex.getMessage(), ex);
    }
    long maxBytes = e.maxBytes();
    String bytes = text(network, "network.maxBytes", null);
    if (bytes != null) {
      try {
        maxBytes = Units.parseSize(bytes);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("network.maxBytes: " + ex.getMessage(), ex);
      }
    }
    String ca = text(network, "network.upstreamCa", null);
    try {
      return new EgressConfig(
          e.mapHosts(),
          e.credentials(),
          maxBytes,
          integer(network, "network.maxConnections", e.maxConnections()),
          e.intercept(),
          ca == null ? e.upstreamCa() : Path.of(ca));
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("network: " + ex.getMessage(), ex);
    }
  }

  private static AgentConfig agent(JsonNode agent) {
    AgentConfig d = AgentConfig.disabled();
    String provider = text(agent, "agent.provider", null);
    ModelSettings model = null;
    if (provider != null) {
      try {
        model =
            new ModelSettings(
                ModelSettings.Provider.named(provider),
                text(agent, "agent.baseUrl", null),
                text(agent, "agent.model", null),
                text(agent, "agent.apiKey", null));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("agent.provider: " + e.getMessage(), e);
      }
    } else {
      for (String key : List.of("baseUrl", "model", "apiKey")) {
        if (!agent.path(key).isMissingNode()) {
          throw new IllegalArgumentException("agent." + key + ": set agent.provider too");
        }
      }
    }
    try {
      return new AgentConfig(
          model,
          new Agent.Limits(
              integer(agent, "agent.maxSteps", d.limits().maxSteps()),
              duration(agent, "agent.maxTime", d.limits().maxTime()),
              longValue(agent, "agent.maxTokens", d.limits().maxTokens())),
          integer(agent, "agent.maxRuns", d.maxRuns()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("agent: " + e.getMessage(), e);
    }
  }

  /** The configuration as YAML, every key written out: what {@code bulwark config show} prints. */
  public String toYaml() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("host", server.host());
    s.put("port", server.port());
    s.put("maxConcurrent", server.maxConcurrent());
    s.put("queueTimeout", Units.formatDuration(server.queueTimeout()));
    s.put("maxQueued", server.maxQueued());
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("stateDir", engine.stateDir().toString());
    e.put("bwrap", engine.bwrap().toString());
    e.put("degraded", engine.allowDegraded());
    e.put("stagedLaunchers", engine.stagedLaunchers());
    e.put("sandboxUidBase", engine.sandboxUidBase());
    e.put("sandboxUidCount", engine.sandboxUidCount());
    e.put("warmPools", engine.warmPools().stream().map(WarmPoolSpec::toString).toList());
    e.put("warmMaxIdle", Units.formatDuration(engine.warmMaxIdle()));
    EgressConfig egress = engine.egress();
    Map<String, Object> n = new LinkedHashMap<>();
    n.put(
        "mapHosts",
        egress.mapHosts().entrySet().stream()
            .map(m ->
                m.getKey()
                    + "="
                    + (m.getValue().getAddress() instanceof java.net.Inet6Address
                        ? "[" + m.getValue().getAddress().getHostAddress() + "]"
                        : m.getValue().getAddress().getHostAddress())
                    + ":"
                    + m.getValue().getPort())
            .sorted()
            .toList());
    n.put( // the header names only: the values are secrets
        "credentials",
        egress.credentials().entrySet().stream()
            .flatMap(c ->
                c.getValue().stream()
                    .map(h -> c.getKey() + "=" + h.substring(0, h.indexOf(':')) + ": ***"))
            .sorted()
            .toList());
    n.put("maxBytes", Units.formatSize(egress.maxBytes()));
    n.put("maxConnections", egress.maxConnections());
    n.put("intercept", egress.intercept().stream().sorted().toList());
    if (egress.upstreamCa() != null) {
      n.put("upstreamCa", egress.upstreamCa().toString());
    }
    AgentConfig agent = server.agent();
    Map<String, Object> a = new LinkedHashMap<>();
    if (agent.enabled()) {
      a.put("provider", agent.model().provider().toString());
      if (agent.model().baseUrl() != null) {
        a.put("baseUrl", agent.model().baseUrl());
      }
      a.put("model", agent.model().modelOrDefault());
      if (agent.model().apiKey() != null) {
        a.put("apiKey", "***"); // never printed
      }
    }
    a.put("maxSteps", agent.limits().maxSteps());
    a.put("maxTime", Units.formatDuration(agent.limits().maxTime()));
    a.put("maxTokens", agent.limits().maxTokens());
    a.put("maxRuns", agent.maxRuns());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("server", s);
    doc.put("engine", e);
    doc.put("network", n);
    doc.put("agent", a);
    return YAML.writeValueAsString(doc);
  }

  /** Checks that {@code node} is absent or a mapping with only known keys; returns it. */
  private static JsonNode section(JsonNode node, String path, Set<String> keys) {
    if (node.isMissingNode()) {
      return node;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException((path == null ? "the file" : path) + " must be a mapping");
    }
    for (String key : node.propertyNames()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key '"
                + (path == null ? key : path + "." + key)
                + "'; known: "
                + keys.stream().sorted().toList());
      }
    }
    return node;
  }

  private static JsonNode value(JsonNode section, String path) {
    return section.path(path.substring(path.indexOf('.') + 1));
  }

  private static String text(JsonNode section, String path, String fallback) {
    JsonNode v = value(section, path);
    if (v.isMissingNode()) {
      return fallback;
    }
    if (!v.isString() || v.asString().isBlank()) {
      throw new IllegalArgumentException(path + ": a non-empty string");
    }
    return v.asString();
  }

  private static long longValue(JsonNode section, String path, long fallback) {
    JsonNode v = value(section, path);
    if (v.isMissingNode()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(path + ": a whole number");
    }
    return v.asLong();
  }

  private static int integer(JsonNode section, String path, int fallback) {
    long v = longValue(section, path, fallback);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + ": out of range");
    }
    return (int) v;
  }

  private static boolean bool(JsonNode section, String path, boolean fallback) {
    JsonNode v = value(section, path);
    if (v.isMissingNode()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(path + ": true or false");
    }
    return v.asBoolean();
  }

  private static Duration duration(JsonNode section, String path, Duration fallback) {
    String text = text(section, path, null);
    if (text == null) {
      return fallback;
    }
    try {
      return Units.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /** A list of strings, empty when the key is absent. */
  private static List<String> optionalStrings(JsonNode section, String path) {
    JsonNode v = value(section, path);
    return v.isMissingNode() ? List.of() : strings(v, path);
  }

  private static List<String> strings(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + ": a list, e.g. [python:default=4]");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isString()) {
        throw new IllegalArgumentException(path + ": each item is RUNTIME[:PROFILE]=SIZE");
      }
      out.add(item.asString());
    }
    return out;
  }
}
