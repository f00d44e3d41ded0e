package dev.bulwark.internal.runtime;

import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.spi.RuntimeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runtimes this engine knows, and the versions they report. Thread-safe. */
public final class Runtimes {
  private static final String BASE = "/dev/bulwark/internal/runtime/";
  private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)+)");

  private final List<RuntimeDescriptor> descriptors;
  private final Map<String, String> versions = new ConcurrentHashMap<>();

  public Runtimes(List<RuntimeDescriptor> descriptors) {
    this.descriptors = List.copyOf(descriptors);
  }

  /** The runtimes shipped with Bulwark (Python, JavaScript, Bash). */
  public static Runtimes builtIn() {
    List<RuntimeDescriptor> list = new ArrayList<>();
    for (String file : resourceLines("runtimes.list")) {
      try (InputStream in = Runtimes.class.getResourceAsStream(BASE + file)) {
        if (in == null) {
          throw new IllegalStateException("runtime descriptor " + file + " is missing");
        }
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        list.add(RuntimeDescriptor.fromProperties(p, file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Runtimes(list);
  }

  public List<RuntimeDescriptor> all() {
    return descriptors;
  }

  /** The runtime with this name or alias. */
  public Optional<RuntimeDescriptor> find(String language) {
    return descriptors.stream().filter(d -> d.answersTo(language)).findFirst();
  }

  /** The runtime whose extensions include the file's, if any. */
  public Optional<RuntimeDescriptor> forFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return descriptors.stream().filter(d -> d.extensions().contains(ext)).findFirst();
  }

  /** All names and aliases, for error messages. */
  public String knownNames() {
    return String.join(", ", names());
  }

  /** Every runtime's name, in order. */
  public List<String> names() {
    return descriptors.stream().map(RuntimeDescriptor::name).toList();
  }

  /**
   * The runtime's name and the version it reports itself, asked once and cached.
   *
   * @throws IllegalStateException when the runtime is not installed or does not answer
   */
  public RuntimeInfo info(RuntimeDescriptor d) {
    return new RuntimeInfo(d.name(), versions.computeIfAbsent(d.name(), n -> askVersion(d)));
  }

  private static String askVersion(RuntimeDescriptor d) {
    if (!Files.isExecutable(Path.of(d.command().getFirst()))) {
      throw new IllegalStateException(
          d.name() + " is not installed: " + d.command().getFirst() + " is missing");
    }
    try {
      Process p = new ProcessBuilder(d.versionCommand()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(4096);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(d.name() + ": version command did not finish");
      }
      Matcher m = VERSION.matcher(new String(out, StandardCharsets.UTF_8));
      if (!m.find()) {
        throw new IllegalStateException(
            d.name() + ": no version in the output of " + d.versionCommand());
      }
      return m.group(1);
    } catch (IOException e) {
      throw new IllegalStateException(
          d.name() + ": cannot run " + d.versionCommand() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The source of a runtime's runner, shipped next to its descriptor.
   *
   * @throws IllegalStateException when the runtime has no runner or it is missing
   */
  public static InputStream runnerSource(RuntimeDescriptor d) {
    InputStream in = d.hasRunner() ? Runtimes.class.getResourceAsStream(BASE + d.runner()) : null;
    if (in == null) {
      throw new IllegalStateException(d.name() + ": no runner '" + d.runner() + "' is shipped");
    }
    return in;
  }

  /** The files runtimes use besides their runners ({@code support.list}), by name. */
  public static List<String> supportFiles() {
    return resourceLines("support.list");
  }

  /**
   * A support file's content.
   *
   * @throws IllegalStateException when it is missing
   */
  public static InputStream support(String name) {
    InputStream in = Runtimes.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IllegalStateException("support file " + name + " is missing");
    }
    return in;
  }

  private static List<String> resourceLines(String name) {
    try (InputStream in = Runtimes.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
