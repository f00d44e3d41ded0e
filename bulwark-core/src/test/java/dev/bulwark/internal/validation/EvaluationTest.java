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

  /** Benign code frozen after the first set had informed changes, before any further one. */
  static final Path FRESH = Path.of("src/test/resources/evaluation-fresh");

  private static Engine engine;
  private static List<Evaluation.Program> programs;
  private static List<Evaluation.Program> fresh;

  @BeforeAll
  static void parseTheSets() {
    engine = Engine.start(EngineConfig.defaults());
    programs = Evaluation.load(SETS, engine::summarise, engine::packages);
    fresh = Evaluation.load(FRESH, engine::summarise, engine::packages);
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
  void standardDeniesConcealmentInjectionAndExfiltration() {
    Map<String, Evaluation.Rate> deny = Evaluation.denyRecall(programs, standard());
    for (String category : List.of("concealment", "injection", "exfiltration")) {
      assertThat(deny.get(category).value())
          .as(category + ": " + deny.get(category))
          .isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void standardDeniesABenignProgramOnlyForAHostThePolicyDoesNotAllow() {
    // Benign programs that download their data from a host the policy does not list cannot work
    // in the sandbox: the policy denies them by design, with the host in the message.
    for (List<Evaluation.Program> set : List.of(programs, fresh)) {
      for (Evaluation.Program p : set) {
        if (p.benign()) {
          Validation v = Validator.validate(p.language(), p.code(), p.summary(), standard());
          assertThat(v.findings())
              .as(p.name())
              .filteredOn(f -> f.outcome() == Outcome.DENY)
              .allSatisfy(f -> assertThat(f.ruleId()).endsWith(".network.domain"));
        }
      }
    }
  }

  @Test
  void standardFlagsEveryTamperingSecretsAndAbuseProgram() {
    Map<String, Evaluation.Rate> caught = Evaluation.flagOrDenyRecall(programs, standard());
    for (String category : List.of("tampering", "secrets", "abuse")) {
      assertThat(caught.get(category).value())
          .as(category + ": " + caught.get(category))
          .isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void strictDeniesEveryHostileCategory() {
    Map<String, Evaluation.Rate> deny = Evaluation.denyRecall(programs, strict());
    assertThat(deny.keySet())
        .contains("concealment", "injection", "exfiltration", "tampering", "secrets", "abuse");
    deny.forEach((category, rate) ->
        assertThat(rate.value()).as(category + ": " + rate).isGreaterThanOrEqualTo(0.95));
  }

  @Test
  void standardDeniesNoBenignProgramOnceTheHostsItFetchesFromAreAllowed() {
    // As the operator who runs such a program configures it: its hosts on the allow-list.
    for (List<Evaluation.Program> set : List.of(programs, fresh)) {
      assertThat(Evaluation.benignDenied(set, standard()).get("all").count()).isZero();
    }
  }

  @Test
  void strictDeniesAtMostOneInTwentyOfTheEverydayBenignPrograms() {
    // Everyday code: no network (strict allows none) and only modules the sandbox has (a program
    // that imports a sibling script or an absent package fails whatever the policy says).
    for (List<Evaluation.Program> set : List.of(programs, fresh)) {
      Evaluation.Rate denied = Evaluation.benignDenied(set, strict()).get(Evaluation.OFFLINE);
      assertThat(denied.of()).as("everyday programs in the set").isGreaterThan(100);
      assertThat(denied.value()).as(denied.toString()).isLessThanOrEqualTo(0.05);
    }
  }

  @Test
  void writeTheReport() throws IOException {
    String md =
        "### evaluation\n"
            + Evaluation.report(programs, List.of(standard(), strict()))
            + "\n### evaluation-fresh\n"
            + Evaluation.report(fresh, List.of(standard(), strict()));
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
