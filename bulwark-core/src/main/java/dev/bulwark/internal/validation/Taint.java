package dev.bulwark.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a value was made, as the runners fold it: the ways a name or code was hidden ({@code built}
 * from pieces, {@code chars}, {@code reversed}, decoded from {@code base64}, {@code hex}, {@code
 * rot13}, {@code compressed} data, {@code marshal}, {@code escape} sequences, {@code translate}
 * tables) and where data came from ({@code stdin}, {@code environment}, {@code network}, {@code
 * file}, {@code arguments}).
 */
final class Taint {
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("built", "built from pieces"),
          Map.entry("chars", "built from character codes"),
          Map.entry("reversed", "reversed or sliced"),
          Map.entry("base64", "decoded from base64"),
          Map.entry("hex", "decoded from hex"),
          Map.entry("rot13", "decoded with rot13"),
          Map.entry("compressed", "decompressed"),
          Map.entry("marshal", "unmarshalled"),
          Map.entry("escape", "decoded from escape sequences"),
          Map.entry("translate", "translated character by character"),
          Map.entry("stdin", "read from stdin"),
          Map.entry("environment", "read from the environment"),
          Map.entry("network", "received from the network"),
          Map.entry("file", "read from a file"),
          Map.entry("arguments", "taken from the command line"));

  /** Ways of hiding text that ordinary code has no reason to use on names or code. */
  private static final Set<String> OBFUSCATION =
      Set.of(
          "chars",
          "reversed",
          "base64",
          "hex",
          "rot13",
          "compressed",
          "marshal",
          "escape",
          "translate");

  private static final Set<String> SOURCES =
      Set.of("stdin", "environment", "network", "file", "arguments");

  private Taint() {}

  /** True when the value was hidden by more than joining pieces. */
  static boolean obfuscated(List<String> taint) {
    return taint.stream().anyMatch(OBFUSCATION::contains);
  }

  /** True when the value was computed at all (not a plain literal). */
  static boolean built(List<String> taint) {
    return taint.stream().anyMatch(t -> !SOURCES.contains(t));
  }

  /** True when some of the value comes from outside the program. */
  static boolean external(List<String> taint) {
    return taint.stream().anyMatch(SOURCES::contains);
  }

  /** The taint in words: "built from character codes, decoded from base64". */
  static String describe(List<String> taint) {
    List<String> words = new ArrayList<>();
    for (String t : taint) {
      if (!t.equals("built") || taint.size() == 1) {
        words.add(WORDS.getOrDefault(t, t));
      }
    }
    return String.join(", ", words);
  }

  /** Only the sources: "read from stdin, received from the network". */
  static String sources(List<String> taint) {
    return describe(taint.stream().filter(SOURCES::contains).toList());
  }
}
