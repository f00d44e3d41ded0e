package dev.bulwark.config;

import dev.bulwark.EgressConfig;
import dev.bulwark.EngineConfig;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.api.AgentConfig;
import dev.bulwark.api.ServerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The operator's configuration of {@code bulwark serve}: how the server listens and how much it
 * takes on, how the engine sandboxes, the egress proxy, and the agent. A YAML file in which every
 * key is optional; what it does not say keeps its default, and flags override the file. An unknown
 * key or a bad value is refused with its path, so a typo never silently falls back to a default.
 *
 * <p>The keys are declared once, a section a class ({@link ServerSection}, {@link EngineSection},
 * {@link NetworkSection}, {@link AgentSection}): each with its type, default and description. The
 * parser, {@link #toYaml()} ({@code bulwark config show}) and the README's key table ({@link
 * #keyTable()}) all come from there.
 */
public record ConfigFile(ServerConfig server, EngineConfig engine) {
  /** The file {@code bulwark serve} reads from its data directory when no --config names one. */
  public static final String NAME = "bulwark.yaml";

  /** The warm pools of a server nobody configured. */
  public static final List<WarmPoolSpec> DEFAULT_POOLS =
      List.of(
          new WarmPoolSpec("python", "default", 4), new WarmPoolSpec("javascript", "default", 2));

  /**
   * The session pools of a server that configures none: Python sessions of the default profile open
   * warm (each waiting sandbox holds about 11 MiB, docs/benchmarks.md).
   */
  public static final List<WarmPoolSpec> DEFAULT_SESSION_POOLS =
      List.of(new WarmPoolSpec("python", "default", 2));

  /** Every section, in the order {@code config show} writes them. */
  static final List<Section<?>> SECTIONS =
      List.of(
          ServerSection.SECTION,
          EngineSection.SECTION,
          NetworkSection.SECTION,
          AgentSection.SECTION);

  /** What {@code bulwark serve} runs with when nothing is configured. */
  public static ConfigFile defaults() {
    return new ConfigFile(
        ServerConfig.defaults("127.0.0.1", 8080),
        EngineConfig.defaults()
            .withWarmPools(DEFAULT_POOLS)
            .withSessionPools(DEFAULT_SESSION_POOLS));
  }

  /**
   * Reads a configuration over the defaults.
   *
   * @param source where the text comes from, for messages
   * @throws IllegalArgumentException naming the file, the key and what is wrong
   */
  public static ConfigFile parse(String yaml, String source) {
    JsonNode root = Yaml.read(yaml, source);
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
    if (!root.isObject()) {
      throw new IllegalArgumentException("the file must be a mapping");
    }
    List<String> names = SECTIONS.stream().map(Section::name).toList();
    for (String name : root.propertyNames()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            "unknown key '" + name + "'; known: " + names.stream().sorted().toList());
      }
    }
    ConfigFile d = defaults();
    ServerConfig server = read(ServerSection.SECTION, root, d);
    AgentConfig agent = read(AgentSection.SECTION, root, d);
    EngineConfig engine = read(EngineSection.SECTION, root, d);
    EgressConfig network = read(NetworkSection.SECTION, root, d);
    return new ConfigFile(server.withAgent(agent), engine.withEgress(network));
  }

  private static <S> S read(Section<S> section, JsonNode root, ConfigFile defaults) {
    return section.read(root.path(section.name()), section.of().apply(defaults));
  }

  /** The configuration as YAML, every key written out: what {@code bulwark config show} prints. */
  public String toYaml() {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (Section<?> section : SECTIONS) {
      doc.put(section.name(), show(section));
    }
    return Yaml.write(doc);
  }

  private <S> Map<String, Object> show(Section<S> section) {
    return section.show(section.of().apply(this));
  }

  /** The docs' table of every key: its path, type, default and description, in Markdown. */
  static String keyTable() {
    List<String> lines = new ArrayList<>();
    lines.add("| key | type | default | what |");
    lines.add("| --- | --- | --- | --- |");
    for (Section<?> section : SECTIONS) {
      lines.addAll(rows(section));
    }
    return String.join("\n", lines) + "\n";
  }

  private static <S> List<String> rows(Section<S> section) {
    return section.rows(section.of().apply(defaults()));
  }
}
