package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {
  private final Policy standard = Policies.standard();
  private final Policy strict = Policies.builtIn("strict");
  private final Policy audit = Policies.builtIn("audit");

  @Test
  void standardDeniesAttackTechniquesAndFlagsTheRest() {
    assertThat(standard.mode("py.introspection")).isEqualTo(Mode.DENY);
    assertThat(standard.mode("py.introspection.dunder")).isEqualTo(Mode.FLAG);
    assertThat(standard.mode("py.network.domain")).isEqualTo(Mode.DENY);
    assertThat(standard.mode("py.network")).isEqualTo(Mode.FLAG);
    assertThat(standard.mode("py.process")).isEqualTo(Mode.FLAG);
    assertThat(standard.limits()).isEqualTo("default");
  }

  @Test
  void bashRulesAreAdvisoryUnderStandardButDenyUnderStrict() {
    for (RuleInfo r : RuleCatalog.all()) {
      if (r.language().equals("bash")) {
        assertThat(standard.mode(r.id())).as(r.id()).isEqualTo(Mode.FLAG);
        assertThat(strict.mode(r.id())).as(r.id()).isEqualTo(Mode.DENY);
      }
    }
  }

  @Test
  void auditDeniesNothingAndStrictDeniesEverything() {
    assertThat(audit.effectiveModes()).doesNotContainValue(Mode.DENY).doesNotContainValue(Mode.OFF);
    assertThat(strict.effectiveModes()).containsOnlyKeys(standard.effectiveModes().keySet());
    assertThat(strict.effectiveModes().values()).containsOnly(Mode.DENY);
    assertThat(strict.allowsModule("json")).isTrue();
    assertThat(strict.allowsModule("os.path")).isTrue();
    assertThat(strict.allowsModule("socket")).isFalse();
    assertThat(standard.allowsModule("socket")).isTrue();
  }

  @Test
  void theLongestSelectorWinsAndUnmatchedRulesFlag() {
    Policy p =
        Policies.parse(
            "version: 1\nname: t\nrules:\n  py: off\n  py.network: deny\n  py.network.domain: flag\n",
            "t.yaml");
    assertThat(p.mode("py.process")).isEqualTo(Mode.OFF);
    assertThat(p.mode("py.network")).isEqualTo(Mode.DENY);
    assertThat(p.mode("py.network.domain")).isEqualTo(Mode.FLAG);
    assertThat(p.mode("js.process")).isEqualTo(Mode.FLAG);
    assertThat(p.mode("pyx.whatever"))
        .as("a prefix is a whole dotted segment")
        .isEqualTo(Mode.FLAG);
  }

  @Test
  void aRequestCanTightenButNeverLoosen() {
    Policy operator = standard.withAllowedHosts(List.of("api.example.com", "*.example.org"));
    Policy requested =
        audit.withAllowedHosts(List.of("api.example.com", "evil.example.net", "a.example.org"));
    Policy effective = operator.tighten(requested);
    for (RuleInfo r : RuleCatalog.all()) {
      Mode m = effective.mode(r.id());
      assertThat(m.compareTo(operator.mode(r.id()))).as(r.id()).isGreaterThanOrEqualTo(0);
      assertThat(m.compareTo(requested.mode(r.id()))).as(r.id()).isGreaterThanOrEqualTo(0);
    }
    assertThat(effective.networkAllow())
        .containsExactlyInAnyOrder("api.example.com", "a.example.org");

    Policy tighter = standard.tighten(strict);
    assertThat(tighter.mode("py.process")).isEqualTo(Mode.DENY);
    assertThat(tighter.allowsModule("socket")).isFalse();
    assertThat(tighter.allowsModule("json")).isTrue();
  }

  @Test
  void disjointModuleAllowListsAllowNoModuleRatherThanAny() {
    Policy a = Policies.parse("version: 1\nname: a\nmodules: {allow: [json]}\n", "a");
    Policy b = Policies.parse("version: 1\nname: b\nmodules: {allow: [csv]}\n", "b");
    Policy both = a.tighten(b);
    assertThat(both.allowsModule("json")).isFalse();
    assertThat(both.allowsModule("csv")).isFalse();
    assertThat(both.allowsModule("os")).isFalse();
  }

  @Test
  void waiversAreHonouredOnlyForRulesThePolicyNames() {
    Policy p = Policies.parse("version: 1\nname: w\nwaivable: [py.eval]\n", "w.yaml");
    assertThat(p.isWaivable("py.eval")).isTrue();
    assertThat(p.isWaivable("py.eval.obfuscated")).isTrue();
    assertThat(p.isWaivable("py.process")).isFalse();
    assertThat(standard.isWaivable("py.eval")).isFalse();
  }

  @Test
  void showingAPolicyPrintsYamlThatReadsBackToTheSameModes() {
    for (String name : Policies.BUILT_IN) {
      Policy p = Policies.builtIn(name).withAllowedHosts(List.of("api.example.com"));
      Policy again = Policies.parse(Policies.toYaml(p), "shown");
      assertThat(again.effectiveModes()).isEqualTo(p.effectiveModes());
      assertThat(again.networkAllow()).isEqualTo(p.networkAllow());
      assertThat(again.modulesAllow()).isEqualTo(p.modulesAllow());
      assertThat(again.limits()).isEqualTo(p.limits());
    }
  }

  @Test
  void badPolicyFilesAreRefusedNamingTheProblem() {
    assertThatThrownBy(() -> Policies.parse("version: 1\nname: x\nrulez: {}\n", "p.yaml"))
        .hasMessageContaining("p.yaml")
        .hasMessageContaining("unknown key 'rulez'");
    assertThatThrownBy(() -> Policies.parse("version: 2\nname: x\n", "p.yaml"))
        .hasMessageContaining("version must be 1");
    assertThatThrownBy(() -> Policies.parse("version: 1\n", "p.yaml"))
        .hasMessageContaining("name is required");
    assertThatThrownBy(
            () -> Policies.parse("version: 1\nname: x\nrules: {py.process: block}\n", "p.yaml"))
        .hasMessageContaining("rules.py.process")
        .hasMessageContaining("deny, flag or off");
    assertThatThrownBy(
            () -> Policies.parse("version: 1\nname: x\nrules: {py.proces: deny}\n", "p.yaml"))
        .hasMessageContaining("no rule is named or starts with 'py.proces'");
    assertThatThrownBy(
            () -> Policies.parse("version: 1\nname: x\nnetwork: {allow: [\"http://x\"]}\n", "p"))
        .hasMessageContaining("network.allow");
    assertThatThrownBy(() -> Policies.parse("version: 1\nname: x\nlimits: huge\n", "p"))
        .hasMessageContaining("unknown preset 'huge'");
    assertThatThrownBy(() -> Policies.parse("[1, 2", "p")).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> Policies.resolve("/nonexistent/policy.yaml"))
        .hasMessageContaining("unknown policy");
  }

  @Test
  void aPolicyFileIsReadAgainOnceItChanges(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("team.yaml");
    Files.writeString(file, "version: 1\nname: team\nrules: {py.process: deny}\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    assertThat(Policies.resolve(file.toString()).effectiveModes().get("py.process"))
        .isEqualTo(Mode.DENY);
    // Same size, a new time: an operator's edit in place is seen by the next request.
    Files.writeString(file, "version: 1\nname: team\nrules: {py.process: flag}\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:01Z")));
    assertThat(Policies.resolve(file.toString()).effectiveModes().get("py.process"))
        .isEqualTo(Mode.FLAG);
    Files.writeString(file, "version: 1\nname: team\nrules: {py.nope: flag}\n");
    assertThatThrownBy(() -> Policies.resolve(file.toString()))
        .hasMessageContaining("no rule is named or starts with 'py.nope'");
  }
}
