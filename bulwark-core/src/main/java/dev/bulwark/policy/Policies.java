package dev.bulwark.policy;

import dev.bulwark.Profiles;
import dev.bulwark.internal.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The built-in policies ({@code standard}, {@code strict}, {@code audit}) and operators' policy
 * files. A file is YAML:
 *
 * <pre>
 * version: 1
 * name: team
 * description: one line
 * limits: default            # a limits preset
 * rules:                     # mode per rule id or dotted prefix; "*" for all
 *   "*": flag
 *   py.process: deny
 * waivable: [py.eval]        # rules an inline "bulwark: allow RULE" comment may waive
 * modules: {allow: [], deny: [pickle]}
 * network: {allow: [api.example.com, "*.example.org:443"]}
 * </pre>
 */
public final class Policies {
  /** The default policy. */
  public static final String DEFAULT = "standard";

  public static final List<String> BUILT_IN = List.of("standard", "strict", "audit");

  private static final Set<String> KEYS =
      Set.of("version", "name", "description", "limits", "rules", "waivable", "modules", "network");
  private static final long MAX_FILE_BYTES = 1 << 20;

  private Policies() {}

  /** The default policy, {@code standard}. */
  public static Policy standard() {
    return builtIn(DEFAULT);
  }

  /**
   * A built-in policy by name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Policy builtIn(String name) {
    Policy p = BuiltIn.POLICIES.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown policy '" + name + "': built-in policies are " + BUILT_IN);
    }
    return p;
  }

  /**
   * The built-in policies, parsed once: policies are immutable, and a parse costs a millisecond.
   */
  private static final class BuiltIn {
    static final Map<String, Policy> POLICIES = load();

    private static Map<String, Policy> load() {
      Map<String, Policy> all = new LinkedHashMap<>();
      for (String name : BUILT_IN) {
        try (InputStream in = Policies.class.getResourceAsStream(name + ".yaml")) {
          all.put(name, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return Map.copyOf(all);
    }
  }

  /** A policy file as last parsed, kept while the file's size and modification time stay. */
  private record ParsedFile(FileTime modified, long size, Policy policy) {}

  private static final Map<Path, ParsedFile> FILES = new ConcurrentHashMap<>();

  /**
   * A built-in policy's name, or the path of a policy file.
   *
   * @throws IllegalArgumentException naming the problem: unknown name, unreadable or invalid file
   */
  public static Policy resolve(String nameOrPath) {
    if (BUILT_IN.contains(nameOrPath)) {
      return builtIn(nameOrPath);
    }
    Path path = Path.of(nameOrPath);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "unknown policy '"
              + nameOrPath
              + "': neither a built-in policy "
              + BUILT_IN
              + " nor a policy file");
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.size() > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(path + ": a policy file is at most 1 MiB");
      }
      ParsedFile known = FILES.get(path);
      if (known != null
          && known.size() == attributes.size()
          && known.modified().equals(attributes.lastModifiedTime())) {
        return known.policy();
      }
      Policy policy = parse(Files.readString(path), path.toString());
      FILES.put(path, new ParsedFile(attributes.lastModifiedTime(), attributes.size(), policy));
      return policy;
    } catch (IOException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a policy from YAML text.
   *
   * @param source where the text comes from, for messages
   * @throws IllegalArgumentException naming the first problem
   */
  public static Policy parse(String yaml, String source) {
    JsonNode root = Yaml.read(yaml, source);
    try {
      return fromTree(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static Policy fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a policy is a YAML mapping");
    }
    for (String key : root.propertyNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "'; keys are " + KEYS);
      }
    }
    int version = root.path("version").asInt(0);
    if (version != 1) {
      throw new IllegalArgumentException("version must be 1");
    }
    String name = text(root, "name", null);
    if (name == null || !name.matches("[A-Za-z0-9_.+-]{1,64}")) {
      throw new IllegalArgumentException("name is required: letters, digits, _ . + -");
    }
    String limits = text(root, "limits", "default");
    if (!Profiles.all().containsKey(limits)) {
      throw new IllegalArgumentException(
          "limits: unknown preset '" + limits + "'; presets are " + Profiles.all().keySet());
    }
    Map<String, Mode> rules = new LinkedHashMap<>();
    JsonNode r = root.path("rules");
    if (!r.isMissingNode() && !r.isObject()) {
      throw new IllegalArgumentException("rules: a mapping from rule id to deny, flag or off");
    }
    for (Map.Entry<String, JsonNode> e : r.properties()) {
      String selector = selector("rules", e.getKey());
      if (!e.getValue().isString()) {
        throw new IllegalArgumentException("rules." + selector + ": deny, flag or off");
      }
      try {
        rules.put(selector, Mode.parse(e.getValue().asString()));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("rules." + selector + ": " + ex.getMessage());
      }
    }
    List<String> waivable = new ArrayList<>();
    for (String s : list(root.path("waivable"), "waivable")) {
      waivable.add(selector("waivable", s));
    }
    JsonNode modules = mapping(root, "modules", Set.of("allow", "deny"));
    JsonNode network = mapping(root, "network", Set.of("allow"));
    List<String> hosts = list(network.path("allow"), "network.allow");
    try {
      return new Policy(
          name,
          version,
          text(root, "description", ""),
          limits,
          rules,
          waivable,
          modules(list(modules.path("allow"), "modules.allow")),
          modules(list(modules.path("deny"), "modules.deny")),
          hosts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("network.allow: " + e.getMessage(), e);
    }
  }

  /**
   * The policy as YAML with every rule's resolved mode: what {@code bulwark policy show} prints.
   */
  public static String toYaml(Policy p) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("version", p.version());
    doc.put("name", p.name());
    doc.put("description", p.description());
    doc.put("limits", p.limits());
    Map<String, String> modes = new LinkedHashMap<>();
    p.effectiveModes().forEach((id, mode) -> modes.put(id, mode.toString()));
    doc.put("rules", modes);
    doc.put("waivable", p.waivable());
    doc.put("modules", Map.of("allow", p.modulesAllow(), "deny", p.modulesDeny()));
    doc.put("network", Map.of("allow", p.networkAllow()));
    return Yaml.write(doc);
  }

  private static String selector(String where, String s) {
    if (!s.equals("*") && !RuleCatalog.selectsAny(s)) {
      throw new IllegalArgumentException(where + ": no rule is named or starts with '" + s + "'");
    }
    return s;
  }

  private static List<String> modules(List<String> names) {
    for (String n : names) {
      if (!n.matches("[A-Za-z0-9_@/-][A-Za-z0-9_./@-]*")) {
        throw new IllegalArgumentException("modules: not a module name: '" + n + "'");
      }
    }
    return names;
  }

  private static JsonNode mapping(JsonNode root, String key, Set<String> keys) {
    JsonNode node = root.path(key);
    if (node.isMissingNode() || node.isNull()) {
      return MissingNode.getInstance();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(key + ": a mapping with keys " + keys);
    }
    for (String k : node.propertyNames()) {
      if (!keys.contains(k)) {
        throw new IllegalArgumentException(key + ": unknown key '" + k + "'; keys are " + keys);
      }
    }
    return node;
  }

  private static List<String> list(JsonNode node, String where) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(where + ": a list");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isString() || n.asString().isBlank()) {
        throw new IllegalArgumentException(where + ": entries are non-empty strings");
      }
      out.add(n.asString().trim());
    }
    return out;
  }

  private static String text(JsonNode root, String key, String fallback) {
    JsonNode n = root.path(key);
    if (n.isMissingNode() || n.isNull()) {
      return fallback;
    }
    if (!n.isString() && !n.isNumber()) {
      throw new IllegalArgumentException(key + ": a string");
    }
    return n.asString();
  }
}
