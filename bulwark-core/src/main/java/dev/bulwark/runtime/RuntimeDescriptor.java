package dev.bulwark.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How to run one language: the interpreter, its arguments and how it reports its version. Read from
 * a small properties file, so that adding a language needs no change to the engine.
 *
 * @param name canonical name, e.g. {@code python}
 * @param aliases other names a request may use
 * @param extensions file extensions (without dot) that select this runtime
 * @param fileName name the code gets inside the sandbox
 * @param command the program and its arguments; {@code {file}} stands for the code's path and
 *     {@code {runner}} for the runner's
 * @param runner the runner script (a resource next to this descriptor) that parses the code inside
 *     the sandbox, sends its summary and runs it on the host's word; empty when the language has
 *     none and is validated on the host
 * @param packagesProbe a program that prints, one per line, the modules code can import; empty when
 *     the runtime has no such notion
 * @param versionCommand a command whose output contains the runtime's version
 * @param env environment variables set inside the sandbox, on top of the engine's small base
 */
public record RuntimeDescriptor(
    String name,
    List<String> aliases,
    List<String> extensions,
    String fileName,
    List<String> command,
    String runner,
    String packagesProbe,
    List<String> versionCommand,
    Map<String, String> env) {

  /** Placeholder in {@link #command} for the path of the code inside the sandbox. */
  public static final String FILE_PLACEHOLDER = "{file}";

  /** Placeholder in {@link #command} for the path of the runner, next to the code. */
  public static final String RUNNER_PLACEHOLDER = "{runner}";

  public RuntimeDescriptor {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    extensions = List.copyOf(extensions);
    command = List.copyOf(command);
    versionCommand = List.copyOf(versionCommand);
    env = Map.copyOf(env);
    if (!fileName.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(name + ": bad file name '" + fileName + "'");
    }
    if (command.isEmpty() || !command.getFirst().startsWith("/")) {
      throw new IllegalArgumentException(name + ": command must start with an absolute path");
    }
    if (!command.contains(FILE_PLACEHOLDER)) {
      throw new IllegalArgumentException(name + ": command must contain " + FILE_PLACEHOLDER);
    }
    runner = runner == null ? "" : runner;
    packagesProbe = packagesProbe == null ? "" : packagesProbe;
    if (!runner.isEmpty() && !runner.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(name + ": bad runner name '" + runner + "'");
    }
    if (runner.isEmpty() == command.contains(RUNNER_PLACEHOLDER)) {
      throw new IllegalArgumentException(
          name + ": a runner and " + RUNNER_PLACEHOLDER + " in the command go together");
    }
  }

  /** True when the code is parsed inside the sandbox by a runner before it runs. */
  public boolean hasRunner() {
    return !runner.isEmpty();
  }

  /** The command with the code's path filled in; the runner lies in the same directory. */
  public List<String> commandFor(String codePath) {
    String dir = codePath.substring(0, codePath.lastIndexOf('/') + 1);
    return command.stream()
        .map(a ->
            switch (a) {
              case FILE_PLACEHOLDER -> codePath;
              case RUNNER_PLACEHOLDER -> dir + runner;
              default -> a;
            })
        .toList();
  }

  /** True when {@code language} is this runtime's name or one of its aliases, ignoring case. */
  public boolean answersTo(String language) {
    String wanted = language.toLowerCase(Locale.ROOT);
    return name.equals(wanted) || aliases.contains(wanted);
  }

  /**
   * Reads a descriptor. Keys: {@code name}, {@code aliases}, {@code extensions}, {@code file},
   * {@code command}, {@code version} (space-separated lists), {@code runner}, {@code packages} (a
   * program), and {@code env.NAME=value}.
   *
   * @throws IllegalArgumentException naming the missing or bad key
   */
  static RuntimeDescriptor fromProperties(Properties p, String source) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("env.")) {
        env.put(key.substring(4), p.getProperty(key).trim());
      }
    }
    try {
      return new RuntimeDescriptor(
          required(p, "name", source),
          words(p.getProperty("aliases", "")),
          words(p.getProperty("extensions", "")),
          required(p, "file", source),
          words(required(p, "command", source)),
          p.getProperty("runner", "").trim(),
          p.getProperty("packages", "").trim(),
          words(required(p, "version", source)),
          env);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key, String source) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(source + ": missing key '" + key + "'");
    }
    return value.trim();
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
