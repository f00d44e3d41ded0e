package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs after every other test class: judges from the host that the suite, once its engine is
 * closed, left no process, cgroup or run directory behind, and that a start cleans up after an
 * engine killed with -9.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeardownTest {
  /** Engine ids start with the pid of their JVM, in hex. */
  private static final String OUR_ENGINES = Long.toHexString(ProcessHandle.current().pid()) + "-";

  private final EngineConfig config = TestEngine.config();

  @Test
  @Order(1)
  void theSuiteLeftNoProcessCgroupOrRunDirectory() throws IOException {
    TestEngine.run("bash", "true"); // make sure one engine has run, even when this class runs alone
    TestEngine.shutdown();
    // Other engines may run on this host meanwhile: judge only what this JVM's engines made.
    // bwrap's setup process exits before its child and is reparented to the host's init, which
    // may reap it late (this machine's does, within a second or two): wait for that, bounded.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() ->
            assertThat(ourProcesses())
                .map(HostProbe::describe)
                .as("processes of this JVM's sandboxes")
                .isEmpty());
    assertThat(HostProbe.runCgroups())
        .as("cgroups of runs and staged launchers")
        .noneMatch(name -> name.startsWith(OUR_ENGINES));
    for (Path engineDir : HostProbe.list(config.stateDir().resolve("engines"))) {
      if (Files.isDirectory(engineDir)
          && engineDir.getFileName().toString().startsWith(OUR_ENGINES)) {
        assertThat(HostProbe.list(engineDir))
            .as("run dirs of " + engineDir)
            .noneMatch(p -> p.getFileName().toString().matches(".*\\.\\d+"));
      }
    }
  }

  /**
   * Processes of this JVM's sandboxes: in one of its engines' cgroups, or naming one of its
   * engines' directories (bwrap's command line does).
   */
  private static Set<Long> ourProcesses() {
    Set<Long> ours = new HashSet<>(HostProbe.pidsInCgroupsOfThisJvm());
    ours.addAll(HostProbe.pidsWithCmdline("/engines/" + OUR_ENGINES));
    return ours;
  }

  @Test
  @Order(2)
  void aStartCleansWhatAnEngineKilledWithSigkillLeft() throws Exception {
    boolean gvisor;
    try (Engine probe = Engine.start(config)) {
      gvisor =
          probe.describeIsolation().stream()
              .anyMatch(t -> t.name().equals("gvisor") && t.available());
    }
    Set<Path> enginesBefore = new HashSet<>(HostProbe.list(config.stateDir().resolve("engines")));
    String prefix = "bulwark-crash-" + UUID.randomUUID();
    String marker = prefix + "-sandboxed"; // the JVM's own command line holds only the prefix
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process crashing =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classPathOfThisJvm(),
                CrashingEngine.class.getName(),
                prefix)
            .inheritIO()
            .start();
    String deadEngines = Long.toHexString(crashing.pid()) + "-";
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              !HostProbe.pidsWithCmdline(marker).isEmpty()
                  && (!gvisor || !runscOf(deadEngines).isEmpty()));
    } finally {
      crashing.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
    }
    List<Path> leftovers =
        HostProbe.list(config.stateDir().resolve("engines")).stream()
            .filter(p -> !enginesBefore.contains(p))
            .filter(p -> p.getFileName().toString().startsWith(deadEngines))
            .toList();
    assertThat(leftovers).as("the dead engine's lock and directory").isNotEmpty();
    String deadId = leftovers.getFirst().getFileName().toString().replace(".lock", "");
    assertThat(HostProbe.runCgroups())
        .as("the dead engine's cgroups")
        .anyMatch(name -> name.startsWith(deadId + "."));

    Engine.start(config).close(); // the start is what cleans
    assertThat(leftovers).noneMatch(Files::exists);
    assertThat(HostProbe.runCgroups()).noneMatch(name -> name.startsWith(deadId + "."));
    await().atMost(Duration.ofSeconds(10)).until(() -> HostProbe.pidsWithCmdline(marker).isEmpty());
    await().atMost(Duration.ofSeconds(10)).until(() -> runscOf(deadEngines).isEmpty());
  }

  /** gVisor's processes (runsc, its sandbox and gofer) of engines whose id starts so. */
  private static List<Long> runscOf(String engines) {
    return HostProbe.pidsWithCmdline("/engines/" + engines).stream()
        .filter(pid -> HostProbe.describe(pid).contains("runsc"))
        .toList();
  }

  /**
   * Everything this JVM loads classes from, as one class path: the tests run patched into core's
   * module, and the crashing engine runs on the class path, as the command line does.
   */
  private static String classPathOfThisJvm() {
    return Stream.of(
            System.getProperty("jdk.module.path"),
            System.getProperty("java.class.path"),
            Path.of("target", "test-classes").toAbsolutePath().toString())
        .filter(entry -> entry != null && !entry.isEmpty())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
