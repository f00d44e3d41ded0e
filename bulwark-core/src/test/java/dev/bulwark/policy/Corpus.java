package dev.bulwark.policy;

import dev.bulwark.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The labelled corpus of src/test/resources/corpus: each program parsed once, in a real sandbox, so
 * that any number of policies can judge it.
 */
final class Corpus {
  /** The network allow-list the corpus is written against (its README). */
  static final List<String> ALLOWED_HOSTS =
      List.of("api.example.com", "data.example.org", "*.githubusercontent.com");

  /** The corpus the rules are tested against. */
  static final Path MAIN = Path.of("src/test/resources/corpus");

  /** Written apart from the rules and never used to adjust them: measured, not asserted. */
  static final Path HOLDOUT = Path.of("src/test/resources/corpus-holdout");

  /** One program: its label (benign or malicious), its category or family, and what was seen. */
  record Program(
      String name, String label, String group, String language, String code, Summary summary) {}

  private Corpus() {}

  static List<Program> load(Engine engine, Path root) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(py|js|sh)$"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Path, Program> programs = new ConcurrentHashMap<>();
    // Two at a time: each parse is a sandbox; more only queue on this 2-core machine.
    try (var pool = Executors.newFixedThreadPool(2)) {
      List<Future<?>> parsing = new ArrayList<>();
      for (Path f : files) {
        parsing.add(pool.submit(() -> programs.put(f, parse(engine, root, f))));
      }
      for (Future<?> p : parsing) {
        p.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("the corpus could not be parsed", e);
    }
    return files.stream().map(programs::get).toList();
  }

  private static Program parse(Engine engine, Path root, Path file) throws IOException {
    Path rel = root.relativize(file);
    String ext = file.toString().substring(file.toString().lastIndexOf('.') + 1);
    String language =
        switch (ext) {
          case "py" -> "python";
          case "js" -> "javascript";
          default -> "bash";
        };
    String code = Files.readString(file, StandardCharsets.UTF_8);
    return new Program(
        rel.toString(),
        rel.getName(0).toString(),
        rel.getName(1).toString(),
        language,
        code,
        engine.summarise(language, code));
  }
}
