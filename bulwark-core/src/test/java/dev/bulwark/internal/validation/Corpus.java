package dev.bulwark.internal.validation;

import dev.bulwark.Engine;
import java.nio.file.Path;
import java.util.List;

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

  private Corpus() {}

  static List<Evaluation.Program> load(Engine engine, Path root) {
    return Evaluation.load(root, engine::summarise, engine::packages);
  }
}
