package dev.bulwark.config;

import dev.bulwark.model.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A kind of value a key holds: how it is read from the file, and how {@code config show} writes it
 * back (in a form the file reads again, but for secrets, which it masks).
 *
 * @param name for the docs: {@code duration}, {@code size}, {@code list of ...}
 * @param read the value of a node; {@link IllegalArgumentException} says what is wrong, without the
 *     key (the key adds its path)
 * @param show the value as YAML writes it: a string, number, boolean or list of strings
 */
record Type<T>(String name, Function<JsonNode, T> read, Function<T, Object> show) {
  static final Type<String> STRING =
      new Type<>(
          "string",
          v -> {
            if (!v.isString() || v.asString().isBlank()) {
              throw new IllegalArgumentException("a non-empty string");
            }
            return v.asString();
          },
          s -> s);

  static final Type<Long> LONG =
      new Type<>(
          "integer",
          v -> {
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
              throw new IllegalArgumentException("a whole number");
            }
            return v.asLong();
          },
          n -> n);

  static final Type<Integer> INTEGER = atLeast(Integer.MIN_VALUE);

  static final Type<Boolean> BOOLEAN =
      new Type<>(
          "boolean",
          v -> {
            if (!v.isBoolean()) {
              throw new IllegalArgumentException("true or false");
            }
            return v.asBoolean();
          },
          b -> b);

  static final Type<Path> PATH = STRING.map("path", Path::of, Path::toString);

  /** The model's one grammar of durations: {@code 500ms}, {@code 10s}, {@code 5m}. */
  static final Type<Duration> DURATION =
      STRING.map("duration", Units::parseDuration, Units::formatDuration);

  /** The model's one grammar of sizes: {@code 64m}, {@code 1g}, bare bytes. */
  static final Type<Long> SIZE = STRING.map("size", Units::parseSize, Units::formatSize);

  /** A whole number that fits an {@code int}, at least {@code min}. */
  static Type<Integer> atLeast(int min) {
    return new Type<>(
        "integer",
        v -> {
          long n = LONG.read().apply(v);
          if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("out of range");
          }
          if (n < min) {
            throw new IllegalArgumentException("at least " + min);
          }
          return (int) n;
        },
        n -> n);
  }

  /**
   * A list of strings, each written {@code form}, read as a whole by {@code parse}.
   *
   * @param example one item, for the message of a value that is not a list
   */
  static <T> Type<T> list(
      String form,
      String example,
      Function<List<String>, T> parse,
      Function<T, List<String>> show) {
    return new Type<>(
        "list of `" + form + "`",
        v -> {
          if (!v.isArray()) {
            throw new IllegalArgumentException("a list, e.g. [" + example + "]");
          }
          List<String> items = new ArrayList<>();
          for (JsonNode item : v) {
            if (!item.isString()) {
              throw new IllegalArgumentException("each item is " + form);
            }
            items.add(item.asString());
          }
          return parse.apply(items);
        },
        show::apply);
  }

  /** This type's text read as another value, e.g. a string as a duration. */
  <U> Type<U> map(String name, Function<T, U> parse, Function<U, T> write) {
    return new Type<>(name, v -> parse.apply(read.apply(v)), u -> show.apply(write.apply(u)));
  }

  /** The same value, never shown: {@code config show} prints {@code ***}. */
  Type<T> secret() {
    return new Type<>(name, read, v -> "***");
  }
}
