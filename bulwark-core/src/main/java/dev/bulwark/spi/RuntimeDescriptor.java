package dev.bulwark.spi;

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
 * @param runnerCompile a command the engine runs once, on the host, in the runners' directory, that
 *     compiles the runner ({@code {runner}}: its path) into {@code compiledRunner}, which the
 *     sandboxes then run instead of the source; empty when the runner runs from source
 * @param compiledRunner the file {@code runnerCompile} makes; empty without one
 * @param packagesProbe a program that prints, one per line, the modules code can import; empty when
 *     the runtime has no such notion
 * @param versionCommand a command whose output contains the runtime's version
 * @param env environment variables set inside the sandbox, on top of the engine's small base
 * @param runnerFiles more files of the runners' directory a one-shot run links next to its runner
 *     (a module the runner imports when it needs it)
 * @param sessionCommand how a session's sandbox starts its agent; {@code {dir}} stands for {@link
 *     SandboxSpec#CODE_DIR}; empty when the runtime has no sessions
 * @param sessionFiles the files of the runners' directory a session's sandbox links into its code
 *     directory: the agent, the kernel, the parser
 */
public record RuntimeDescriptor(
    String name,
    List<String> aliases,
    List<String> extensions,
    String fileName,
    List<String> command,
    String runner,
    List<String> runnerCompile,
    String compiledRunner,
    String packagesProbe,
    List<String> versionCommand,
    Map<String, String> env,
    List<String> runnerFiles,
    List<String> sessionCommand,
    List<String> sessionFiles) {

  /** Placeholder in {@link #command} for the path of the code inside the sandbox. */
  public static final String FILE_PLACEHOLDER = "{file}";

  /** Placeholder in {@link #command} for the path of the runner, next to the code. */
  public static final String RUNNER_PLACEHOLDER = "{runner}";

  /** Placeholder in {@link #sessionCommand} for {@link SandboxSpec#CODE_DIR}. */
  public static final String DIR_PLACEHOLDER = "{dir}";

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
    runnerCompile = List.copyOf(runnerCompile);
    compiledRunner = compiledRunner == null ? "" : compiledRunner;
    if (runnerCompile.isEmpty() != compiledRunner.isEmpty()
        || runner.isEmpty() && !compiledRunner.isEmpty()) {
      throw new IllegalArgumentException(
          name + ": runner.compile and runner.compiled go together, with a runner");
    }
    if (!compiledRunner.isEmpty()
        && (!compiledRunner.matches("[A-Za-z0-9_.-]{1,64}") || compiledRunner.equals(runner))) {
      throw new IllegalArgumentException(
          name + ": bad compiled runner name '" + compiledRunner + "'");
    }
    if (!runnerCompile.isEmpty() && !runnerCompile.getFirst().startsWith("/")) {
      throw new IllegalArgumentException(
          name + ": runner.compile must start with an absolute path");
    }
    packagesProbe = packagesProbe == null ? "" : packagesProbe;
    if (!runner.isEmpty() && !runner.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(name + ": bad runner name '" + runner + "'");
    }
    if (runner.isEmpty() == command.contains(RUNNER_PLACEHOLDER)) {
      throw new IllegalArgumentException(
          name + ": a runner and " + RUNNER_PLACEHOLDER + " in the command go together");
    }
    runnerFiles = List.copyOf(runnerFiles);
    sessionCommand = List.copyOf(sessionCommand);
    sessionFiles = List.copyOf(sessionFiles);
    for (String file : concat(runnerFiles, sessionFiles)) {
      if (!file.matches("[A-Za-z0-9_.-]{1,64}")) {
        throw new IllegalArgumentException(name + ": bad file name '" + file + "'");
      }
    }
    if (!sessionCommand.isEmpty() && !sessionCommand.getFirst().startsWith("/")) {
      throw new IllegalArgumentException(
          name + ": session.command must start with an absolute path");
    }
    if (sessionCommand.isEmpty() != sessionFiles.isEmpty()) {
      throw new IllegalArgumentException(name + ": session.command and session.files go together");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** True when the runtime serves sessions: it has an agent to start. */
  public boolean hasSessions() {
    return !sessionCommand.isEmpty();
  }

  /** The command that starts a session's agent, with its directory filled in. */
  public List<String> sessionCommandFor(String dir) {
    return sessionCommand.stream().map(a -> a.replace(DIR_PLACEHOLDER, dir)).toList();
  }

  /** True when the code is parsed inside the sandbox by a runner before it runs. */
  public boolean hasRunner() {
    return !runner.isEmpty();
  }

  /** The runner file a sandbox runs: the compiled one when there is one, else the source. */
  public String runnerFile() {
    return compiledRunner.isEmpty() ? runner : compiledRunner;
  }

  /** The command with the code's path filled in; the runner lies in the same directory. */
  public List<String> commandFor(String codePath) {
    String dir = codePath.substring(0, codePath.lastIndexOf('/') + 1);
    return command.stream()
        .map(a ->
            switch (a) {
              case FILE_PLACEHOLDER -> codePath;
              case RUNNER_PLACEHOLDER -> dir + runnerFile();
              default -> a;
            })
        .toList();
  }

  /** The command that compiles the runner at {@code runnerPath}; empty when it runs from source. */
  public List<String> runnerCompileFor(String runnerPath) {
    return runnerCompile.stream().map(a -> a.equals(RUNNER_PLACEHOLDER) ? runnerPath : a).toList();
  }

  /** True when {@code language} is this runtime's name or one of its aliases, ignoring case. */
  public boolean answersTo(String language) {
    String wanted = language.toLowerCase(Locale.ROOT);
    return name.equals(wanted) || aliases.contains(wanted);
  }

  /**
   * Reads a descriptor. Keys: {@code name}, {@code aliases}, {@code extensions}, {@code file},
   * {@code command}, {@code version} (space-separated lists), {@code runner}, {@code
   * runner.compile} (a command) with {@code runner.compiled} (the file it makes), {@code
   * runner.files}, {@code packages} (a program), {@code session.command} and {@code session.files},
   * and {@code env.NAME=value}.
   *
   * @throws IllegalArgumentException naming the missing or bad key
   */
  public static RuntimeDescriptor fromProperties(Properties p, String source) {
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
          words(p.getProperty("runner.compile", "")),
          p.getProperty("runner.compiled", "").trim(),
          p.getProperty("packages", "").trim(),
          words(required(p, "version", source)),
          env,
          words(p.getProperty("runner.files", "")),
          words(p.getProperty("session.command", "")),
          words(p.getProperty("session.files", "")));
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
