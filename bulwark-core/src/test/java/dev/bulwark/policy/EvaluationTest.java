package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validation layer on its frozen evaluation sets (src/test/resources/evaluation): real benign
 * code from Debian packages and hostile programs written from public attack knowledge, neither used
 * to tune a rule. Asserts the figures the layer promises and writes them to
 * target/evaluation-report.md.
 */
class EvaluationTest {
  static final Path SETS = Path.of("src/test/resources/evaluation");

  private static Engine engine;
  private static List<Evaluation.Program> programs;

  @BeforeAll
  static void parseTheSets() {
    engine = Engine.start(EngineConfig.defaults());
    programs = Evaluation.load(SETS, engine::summarise);
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theSetsAreLargeEnoughAndEveryProgramParses() {
    assertThat(programs.stream().filter(Evaluation.Program::benign)).hasSizeGreaterThan(300);
    assertThat(programs.stream().filter(p -> !p.benign())).hasSizeGreaterThanOrEqualTo(150);
    assertThat(programs.stream().filter(p -> !p.summary().parsed()).map(Evaluation.Program::name))
        .as("programs the runners could not parse")
        .isEmpty();
  }

  @Test
  void standardDeniesConcealmentInjectionAndExfiltrationAndNoBenignProgram() {
    Map<String, Evaluation.Rate> deny = Evaluation.denyRecall(programs, standard());
    for (String category : List.of("concealment", "injection", "exfiltration")) {
      assertThat(deny.get(category).value())
          .as(category + ": " + deny.get(category))
          .isGreaterThanOrEqualTo(0.95);
    }
    assertThat(Evaluation.benignDenied(programs, standard()).get("all").count())
        .as("benign programs denied under standard")
        .isZero();
  }

  @Test
  void standardFlagsTamperingSecretsAndAbuse() {
    Map<String, Evaluation.Rate> caught = Evaluation.flagOrDenyRecall(programs, standard());
    for (String category : List.of("tampering", "secrets", "abuse")) {
      assertThat(caught.get(category).value())
          .as(category + ": " + caught.get(category))
          .isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void strictDeniesEveryHostileCategoryAndAtMostOneBenignProgramInTwenty() {
    Map<String, Evaluation.Rate> deny = Evaluation.denyRecall(programs, strict());
    assertThat(deny.keySet())
        .contains("concealment", "injection", "exfiltration", "tampering", "secrets", "abuse");
    deny.forEach((category, rate) ->
        assertThat(rate.value()).as(category + ": " + rate).isGreaterThanOrEqualTo(0.95));
    Evaluation.Rate benign = Evaluation.benignDenied(programs, strict()).get("all");
    assertThat(benign.value())
        .as("benign denied under strict: " + benign)
        .isLessThanOrEqualTo(0.05);
  }

  @Test
  void writeTheReport() throws IOException {
    String md = Evaluation.report(programs, List.of(standard(), strict()));
    Files.writeString(Path.of("target/evaluation-report.md"), md);
    assertThat(md).contains("#### standard", "#### strict");
  }

  static Policy standard() {
    return Policies.standard().withAllowedHosts(Corpus.ALLOWED_HOSTS);
  }

  static Policy strict() {
    return Policies.builtIn("strict").withAllowedHosts(Corpus.ALLOWED_HOSTS);
  }
}
