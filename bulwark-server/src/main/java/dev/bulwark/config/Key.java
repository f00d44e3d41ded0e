package dev.bulwark.config;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One key of a section of the configuration file.
 *
 * @param name the key's name within its section, as the file writes it
 * @param type what it holds
 * @param value its value in the section's settings; null when unset ({@code config show} leaves it
 *     out)
 * @param description what it sets, one line for the docs
 * @param documentedDefault the default as the docs state it, where the default settings cannot (it
 *     depends on the host, the user or another key); null to document the default settings' value
 */
record Key<S, T>(
    String name, Type<T> type, Function<S, T> value, String description, String documentedDefault) {

  /** A key whose default the docs take from the default settings. */
  static <S, T> Key<S, T> of(String name, Type<T> type, Function<S, T> value, String description) {
    return new Key<>(name, type, value, description, null);
  }

  /** This key, its default stated in words. */
  Key<S, T> documented(String defaultText) {
    return new Key<>(name, type, value, description, defaultText);
  }

  /** The key's value in {@code settings} as {@code config show} writes it, or null when unset. */
  Object shown(S settings) {
    T v = value.apply(settings);
    return v == null ? null : type.show().apply(v);
  }

  /** The default as the docs' key table writes it. */
  String defaultText(S defaults) {
    if (documentedDefault != null) {
      return documentedDefault;
    }
    return switch (shown(defaults)) {
      case null -> "none";
      case List<?> items when items.isEmpty() -> "none";
      case List<?> items ->
          items.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", "));
      case Object v -> "`" + v + "`";
    };
  }
}
