package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.model.Outcome;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validation layer against its labelled corpus, parsed in real sandboxes. Under {@code
 * standard} no benign program may be denied and every malicious one must be flagged or denied. The
 * held-out corpus is only measured. Writes the tables of docs/validation.md to
 * target/validation-report.md.
 */
class CorpusTest {
  private static Engine engine;
  private static List<Evaluation.Program> corpus;
  private static List<Evaluation.Program> holdout;

  @BeforeAll
  static void parseCorpus() {
    engine = Engine.start(EngineConfig.defaults());
    corpus = Corpus.load(engine, Corpus.MAIN);
    holdout = Corpus.load(engine, Corpus.HOLDOUT);
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theCorpusIsLargeEnoughAndEveryProgramParses() {
    assertThat(corpus.stream().filter(p -> p.label().equals("benign")))
        .hasSizeGreaterThanOrEqualTo(150);
    assertThat(corpus.stream().filter(p -> p.label().equals("malicious")))
        .hasSizeGreaterThanOrEqualTo(150);
    List<String> unparsed =
        corpus.stream()
            .filter(p -> !p.summary().parsed() && !p.group().equals("encoding"))
            .map(Evaluation.Program::name)
            .toList();
    assertThat(unparsed).as("programs the runners could not parse").isEmpty();
  }

  @Test
  void standardDeniesNoBenignProgram() {
    assertThat(misjudged("benign", standard(), Outcome.DENY))
        .as("benign programs denied under standard")
        .isEmpty();
  }

  @Test
  void standardFlagsOrDeniesEveryMaliciousProgram() {
    assertThat(misjudged("malicious", standard(), Outcome.ALLOW))
        .as("malicious programs allowed under standard")
        .isEmpty();
  }

  @Test
  void strictDeniesEveryMaliciousProgram() {
    List<String> missed = new ArrayList<>(misjudged("malicious", strict(), Outcome.ALLOW));
    missed.addAll(misjudged("malicious", strict(), Outcome.FLAG));
    assertThat(missed).as("malicious programs not denied under strict").isEmpty();
  }

  @Test
  void writeTheReport() throws IOException {
    StringBuilder md = new StringBuilder();
    for (Policy policy : List.of(standard(), strict())) {
      table(md, "corpus, " + policy.name(), corpus, policy);
      table(md, "held-out corpus, " + policy.name(), holdout, policy);
    }
    md.append("\n### held-out programs the standard policy allowed or denied wrongly\n\n");
    for (Evaluation.Program p : holdout) {
      Outcome o = judge(p, standard());
      if ((p.label().equals("malicious") && o == Outcome.ALLOW)
          || (p.label().equals("benign") && o == Outcome.DENY)) {
        md.append("- ").append(p.name()).append(": ").append(o).append('\n');
      }
    }
    Path report = Path.of("target/validation-report.md");
    Files.writeString(report, md.toString());
    assertThat(holdout).hasSizeGreaterThanOrEqualTo(100);
  }

  private static void table(
      StringBuilder md, String title, List<Evaluation.Program> programs, Policy policy) {
    md.append("\n### ").append(title).append("\n\n");
    md.append("| label | group | programs | denied | flagged | allowed |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
    for (String label : List.of("malicious", "benign")) {
      Map<String, int[]> byGroup = new TreeMap<>();
      for (Evaluation.Program p : programs) {
        if (p.label().equals(label)) {
          int[] n = byGroup.computeIfAbsent(p.group(), g -> new int[3]);
          n[column(judge(p, policy))]++;
        }
      }
      int[] total = new int[3];
      byGroup.forEach((group, n) -> {
        row(md, label, group, n);
        for (int i = 0; i < 3; i++) {
          total[i] += n[i];
        }
      });
      row(md, label, "**all**", total);
    }
  }

  private static void row(StringBuilder md, String label, String group, int[] n) {
    int all = n[0] + n[1] + n[2];
    md.append(
        String.format(
            "| %s | %s | %d | %d (%.0f%%) | %d (%.0f%%) | %d (%.0f%%) |%n",
            label, group, all, n[2], pct(n[2], all), n[1], pct(n[1], all), n[0], pct(n[0], all)));
  }

  /** The table's counters: allowed, flagged, denied. */
  private static int column(Outcome o) {
    return switch (o) {
      case ALLOW -> 0;
      case FLAG -> 1;
      case DENY -> 2;
    };
  }

  private static double pct(int part, int all) {
    return all == 0 ? 0 : 100.0 * part / all;
  }

  private static List<String> misjudged(String label, Policy policy, Outcome wrong) {
    List<String> out = new ArrayList<>();
    for (Evaluation.Program p : corpus) {
      if (p.label().equals(label)) {
        Validation v = Validator.validate(p.language(), p.code(), p.summary(), policy);
        if (v.outcome() == wrong) {
          out.add(
              p.name()
                  + " "
                  + v.findings().stream().map(f -> f.ruleId() + "@" + f.line()).toList());
        }
      }
    }
    return out;
  }

  private static Outcome judge(Evaluation.Program p, Policy policy) {
    return Evaluation.judge(p, policy);
  }

  private static Policy standard() {
    return Policies.standard().withAllowedHosts(Corpus.ALLOWED_HOSTS);
  }

  private static Policy strict() {
    return Policies.builtIn("strict").withAllowedHosts(Corpus.ALLOWED_HOSTS);
  }
}
