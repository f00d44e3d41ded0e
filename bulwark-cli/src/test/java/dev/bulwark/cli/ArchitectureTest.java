package dev.bulwark.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Who may use whom among Bulwark's modules, checked on their compiled classes, so that a change
 * that breaks it fails {@code mvn verify}. The CLI's tests see every module on their class path;
 * core's own layering is core's ArchitectureTest.
 *
 * <pre>
 * bulwark-model        depends on nothing of ours
 * bulwark-core      -> model; other modules use only its API and its SPI: dev.bulwark,
 *                      dev.bulwark.policy (the validation layer's API), dev.bulwark.spi
 * bulwark-client    -> model (no engine)
 * bulwark-agent     -> model (no engine, no client)
 * bulwark-server    -> model, core, agent (not the client)
 * bulwark-bench     -> model, core; its micro-benchmarks of core's hot paths may reach core's
 *                      internals (they measure them as the engine calls them)
 * bulwark-cli       -> everything, core through its API ({@code bulwark bench} fronts bulwark-bench)
 * </pre>
 */
class ArchitectureTest {
  private static final JavaClasses BULWARK =
      new ClassFileImporter().withImportOption(new MainClassesOnly()).importPackages("dev.bulwark");

  @Test
  void otherModulesUseCoreOnlyThroughItsApiAndSpi() {
    noClasses()
        .that(areNotIn("bulwark-core").and(areNotIn("bulwark-bench")))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.bulwark.internal..")
        .check(BULWARK);
  }

  @Test
  void theModelDependsOnNothingOfOurs() {
    noClasses()
        .that(areIn("bulwark-model"))
        .should()
        .dependOnClassesThat(areOursBut("bulwark-model"))
        .check(BULWARK);
  }

  @Test
  void theClientAndTheAgentDoNotDependOnTheEngine() {
    noClasses()
        .that(areIn("bulwark-client").or(areIn("bulwark-agent")))
        .should()
        .dependOnClassesThat(areIn("bulwark-core").or(areIn("bulwark-server")))
        .check(BULWARK);
  }

  @Test
  void theAgentDoesNotDependOnTheClient() {
    noClasses()
        .that(areIn("bulwark-agent"))
        .should()
        .dependOnClassesThat(areIn("bulwark-client"))
        .check(BULWARK);
  }

  @Test
  void theServerDoesNotDependOnTheClient() {
    noClasses()
        .that(areIn("bulwark-server"))
        .should()
        .dependOnClassesThat(areIn("bulwark-client"))
        .check(BULWARK);
  }

  /** Classes compiled from the module's main sources (its classes directory or its jar). */
  private static DescribedPredicate<JavaClass> areIn(String module) {
    Pattern from =
        Pattern.compile(".*/" + Pattern.quote(module) + "/target/(classes/|[^/]*\\.jar).*");
    return DescribedPredicate.describe(
        "are in " + module,
        c -> c.getSource().map(s -> from.matcher(s.getUri().toString()).matches()).orElse(false));
  }

  private static DescribedPredicate<JavaClass> areNotIn(String module) {
    return DescribedPredicate.not(areIn(module)).as("are not in " + module);
  }

  /** Classes of any of our modules but {@code module}. */
  private static DescribedPredicate<JavaClass> areOursBut(String module) {
    List<String> modules =
        List.of(
            "bulwark-model",
            "bulwark-core",
            "bulwark-client",
            "bulwark-agent",
            "bulwark-server",
            "bulwark-bench",
            "bulwark-cli");
    DescribedPredicate<JavaClass> others = DescribedPredicate.alwaysFalse();
    for (String m : modules) {
      if (!m.equals(module)) {
        others = others.or(areIn(m));
      }
    }
    return others.as("are in another module of ours than " + module);
  }

  /** Main classes only: tests (and test jars) may reach wherever they need to. */
  private static final class MainClassesOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }
  }
}
