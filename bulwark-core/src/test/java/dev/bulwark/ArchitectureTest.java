package dev.bulwark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layering of bulwark-core, so that a change that breaks it fails {@code mvn verify}. The rules
 * between modules (who may use core, and how) are the CLI's ArchitectureTest, which sees them all.
 *
 * <pre>
 * dev.bulwark            API: Engine and Doctor (the front doors, which assemble the engine from
 *                        its internals), the value types, the listener, the request rule
 * dev.bulwark.spi        the sandbox backend SPI: the JDK and the model only
 * dev.bulwark.policy     API of the validation layer: policies, the rule catalogue, a validation
 * dev.bulwark.internal.* one package per feature, not exported:
 *   validation           the validation engine: the runners' summaries and the rules over them
 *   run                  the lifecycle (Run) and what every run shares
 *   pool                 warm pools and the reaper: they see tiers only through the SPI
 *   bwrap                the bubblewrap tier, the only user of cgroup and seccomp
 *   cgroup, seccomp, egress, runtime, host, net, yaml
 * </pre>
 */
class ArchitectureTest {
  /** Core's own classes, as compiled: read from the build's output, on any module path. */
  private static final JavaClasses CORE =
      new ClassFileImporter().importPath(Path.of("target", "classes"));

  /** The front doors, which pick the tier and assemble the engine from its internal parts. */
  private static final Set<Class<?>> FRONT_DOORS = Set.of(Engine.class, Doctor.class);

  @Test
  void corePackagesHaveNoCycles() {
    slices()
        .assignedFrom(byPackage())
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            DescribedPredicate.describe("a front door", c -> isFrontDoor(c.getName())),
            JavaClass.Predicates.resideInAPackage("dev.bulwark.internal.."))
        .check(CORE);
  }

  @Test
  void theSpiDependsOnTheModelAndTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("dev.bulwark.spi..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.bulwark.spi..", "dev.bulwark.model..", "java..")
        .check(CORE);
  }

  @Test
  void theValidationEngineDoesNotReachIntoSandboxInternals() {
    classes()
        .that()
        .resideInAnyPackage("dev.bulwark.policy..", "dev.bulwark.internal.validation..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.bulwark.policy..",
            "dev.bulwark.internal.validation..",
            "dev.bulwark.internal.net..",
            "dev.bulwark.model..",
            "dev.bulwark", // the limits profiles a policy names
            "dev.bulwark.internal.yaml..",
            "java..",
            "tools.jackson..",
            "com.fasterxml.jackson..")
        .check(CORE);
  }

  @Test
  void onlyTheFrontDoorsPickATierTheRestSeesTheSpi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.bulwark.internal.bwrap..")
        .and(DescribedPredicate.describe("are not a front door", c -> !isFrontDoor(c.getName())))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.bulwark.internal.bwrap..")
        .check(CORE);
  }

  @Test
  void cgroupsAndSeccompBelongToTheBubblewrapTier() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.bulwark.internal.run..",
            "dev.bulwark.internal.pool..",
            "dev.bulwark.internal.host..",
            "dev.bulwark.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.bulwark.internal.cgroup..", "dev.bulwark.internal.seccomp..")
        .check(CORE);
  }

  @Test
  void theModuleExportsTheApiAndTheSpiOnly() {
    ModuleDescriptor module = Engine.class.getModule().getDescriptor();
    assertThat(module).as("core runs as a named module, as its tests do").isNotNull();
    assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source))
        .containsExactlyInAnyOrder("dev.bulwark", "dev.bulwark.spi", "dev.bulwark.policy");
    Set<String> internal =
        module.packages().stream()
            .filter(p -> p.startsWith("dev.bulwark.internal"))
            .collect(Collectors.toSet());
    assertThat(internal).contains("dev.bulwark.internal.run", "dev.bulwark.internal.bwrap");
  }

  /**
   * One slice per package of core; the validation layer's API package counts as the API's (its
   * policies name the API's limits profiles, and jobs carry policies).
   */
  private static SliceAssignment byPackage() {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        String p = c.getPackageName();
        if (p.equals("dev.bulwark.policy")) {
          return SliceIdentifier.of("dev.bulwark");
        }
        return p.startsWith("dev.bulwark") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "core's packages";
      }
    };
  }

  private static boolean isFrontDoor(String className) {
    return FRONT_DOORS.stream()
        .anyMatch(c -> className.equals(c.getName()) || className.startsWith(c.getName() + "$"));
  }
}
