package dev.bulwark.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One section of the configuration file: its keys, in the order {@code config show} writes them;
 * how its settings are built from what the file says over the defaults; and where they sit in the
 * whole configuration.
 *
 * @param name the section's name, the first part of each key's path ({@code server.port})
 * @param keys every key it takes; any other is refused
 * @param of the section's settings within a whole configuration
 * @param build the settings from the values the file gives; a value the settings refuse ({@link
 *     IllegalArgumentException}) is refused under the section's name
 */
record Section<S>(
    String name, List<Key<S, ?>> keys, Function<ConfigFile, S> of, Function<Values<S>, S> build) {

  /**
   * Reads the section over the defaults; an absent section is the defaults.
   *
   * @throws IllegalArgumentException naming the key's path, or the section, and what is wrong
   */
  S read(JsonNode node, S defaults) {
    Map<String, Object> given = new HashMap<>();
    if (!node.isMissingNode()) {
      if (!node.isObject()) {
        throw new IllegalArgumentException(name + " must be a mapping");
      }
      for (String key : node.propertyNames()) {
        Key<S, ?> k = key(key);
        try {
          given.put(key, k.type().read().apply(node.get(key)));
        } catch (IllegalArgumentException e) {
          throw new Refused(name + "." + key + ": " + e.getMessage(), e);
        }
      }
    }
    try {
      return build.apply(new Values<>(name, given, defaults));
    } catch (Refused e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private Key<S, ?> key(String key) {
    return keys.stream()
        .filter(k -> k.name().equals(key))
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException(
                "unknown key '"
                    + name
                    + "."
                    + key
                    + "'; known: "
                    + keys.stream().map(Key::name).sorted().toList()));
  }

  /** The settings as {@code config show} writes them: every key set, in order. */
  Map<String, Object> show(S settings) {
    Map<String, Object> shown = new LinkedHashMap<>();
    for (Key<S, ?> k : keys) {
      Object v = k.shown(settings);
      if (v != null) {
        shown.put(k.name(), v);
      }
    }
    return shown;
  }

  /** The docs' key table's rows: path, type, default and description of each key. */
  List<String> rows(S defaults) {
    return keys.stream()
        .map(k ->
            "| `%s.%s` | %s | %s | %s |"
                .formatted(
                    name, k.name(), k.type().name(), k.defaultText(defaults), k.description()))
        .toList();
  }

  /** What the file gives one section, over the defaults. */
  record Values<S>(String section, Map<String, Object> given, S defaults) {
    /** The file's value of the key, else the default settings'. */
    <T> T get(Key<S, T> key) {
      return get(key, key.value().apply(defaults));
    }

    /** The file's value of the key, else {@code fallback}. */
    @SuppressWarnings("unchecked") // the value was read by the key's own type
    <T> T get(Key<S, T> key, T fallback) {
      return given.containsKey(key.name()) ? (T) given.get(key.name()) : fallback;
    }

    boolean has(Key<S, ?> key) {
      return given.containsKey(key.name());
    }

    /** A refusal of the key's value, naming its path. */
    IllegalArgumentException refuse(Key<S, ?> key, String message) {
      return new Refused(section + "." + key.name() + ": " + message, null);
    }
  }

  /** A refusal that names its key's path already. */
  private static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
