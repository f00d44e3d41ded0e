package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Cell;
import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Isolation;
import dev.bulwark.Profiles;
import dev.bulwark.Session;
import dev.bulwark.SessionSpec;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session pools, judged from the host: a pooled session keeps its state and the next pooled one
 * sees nothing of it, a pooled sandbox killed while it waited is never handed out, a session whose
 * sandbox would differ from the pool's starts cold, and a closed engine leaves no pooled sandbox,
 * cgroup or directory behind.
 */
class SessionPoolTest {
  /** The pool's profile with the tests' wall clock, which a pooled sandbox does not carry. */
  private static final SessionSpec PYTHON =
      SessionSpec.of("python", Profiles.DEFAULT.withWallTimeout(Duration.ofSeconds(20)));

  private final EngineConfig config = TestEngine.config();

  @Test
  void aPooledSessionKeepsItsStateAndTheNextPooledOneSeesNothingOfIt() throws Exception {
    try (Pooled pooled = Pooled.start(config, 2)) {
      Engine engine = pooled.engine;
      pooled.awaitFull();
      long hits = stats(engine).hits();
      try (Session a = engine.openSession(PYTHON);
          Session b = engine.openSession(PYTHON)) {
        assertThat(stats(engine).hits())
            .as("both sessions took a waiting sandbox")
            .isEqualTo(hits + 2);
        ok(a, "secret = 'a'\nopen('mine.txt', 'w').write('of a')");
        assertThat(ok(a, "print(secret, open('mine.txt').read())").stdout()).isEqualTo("a of a\n");
        assertThat(ok(b, "import os\nprint('secret' in dir(), os.listdir('.'))").stdout())
            .isEqualTo("False []\n");
        assertThat(b.list("").entries()).isEmpty();
      }
      pooled.awaitFull();
      try (Session c = engine.openSession(PYTHON)) {
        assertThat(stats(engine).hits()).isEqualTo(hits + 3);
        assertThat(ok(c, "import os\nprint('secret' in dir(), os.listdir('.'))").stdout())
            .as("a refilled sandbox is fresh too")
            .isEqualTo("False []\n");
      }
    }
  }

  @Test
  void aPooledSandboxKilledWhileItWaitedIsNeverHandedOut() throws Exception {
    try (Pooled pooled = Pooled.start(config, 1)) {
      Engine engine = pooled.engine;
      pooled.awaitFull();
      List<Long> agents = pooled.agents();
      assertThat(agents).as("the waiting agent, seen from the host").hasSize(1);
      Set<String> cgroups = new HashSet<>();
      agents.forEach(pid -> cgroups.add(HostProbe.cgroupOf(pid)));
      agents.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() ->
              HostProbe.pidsInCgroupsOfThisJvm().stream()
                  .noneMatch(pid -> cgroups.contains(HostProbe.cgroupOf(pid))));
      WarmPoolStats before = stats(engine);
      try (Session s = engine.openSession(PYTHON)) {
        assertThat(ok(s, "print('fresh')").stdout()).isEqualTo("fresh\n");
        assertThat(s.state()).isEqualTo(Session.State.IDLE);
        WarmPoolStats after = stats(engine);
        // Found dead when taken (a miss, started cold), or replaced by the sweeper before that.
        assertThat(after.misses() > before.misses() || after.expired() > before.expired())
            .as("the killed sandbox was retired, not handed out: %s then %s", before, after)
            .isTrue();
      }
    }
  }

  @Test
  void aSessionWhoseSandboxWouldDifferFromThePoolsStartsCold() throws Exception {
    try (Pooled pooled = Pooled.start(config, 1)) {
      Engine engine = pooled.engine;
      pooled.awaitFull();
      WarmPoolStats before = stats(engine);
      SessionSpec otherMemory =
          SessionSpec.of("python", PYTHON.limits().withMemoryBytes(300L << 20));
      SessionSpec connecting =
          PYTHON.withPolicy(Policies.builtIn("audit").withAllowedHosts(List.of("example.com")));
      for (SessionSpec cold : List.of(otherMemory, connecting)) {
        try (Session s = engine.openSession(cold)) {
          assertThat(ok(s, "print(1)").stdout()).isEqualTo("1\n");
        }
      }
      assertThat(stats(engine).hits()).as("no pool serves them").isEqualTo(before.hits());
      assertThat(stats(engine).idle()).isEqualTo(1);
      try (Session s =
          engine.openSession(
              SessionSpec.of(
                  "python",
                  PYTHON.limits().withCpuTime(Duration.ofSeconds(3)).withOutputBytes(4096)))) {
        assertThat(stats(engine).hits())
            .as("the host applies a cell's CPU time and output caps: the pool serves it")
            .isEqualTo(before.hits() + 1);
        ExecutionResult r = s.run(Cell.of("print('x' * 10000)"));
        assertThat(r.status()).isEqualTo(Status.OUTPUT_LIMIT);
      }
    }
  }

  @Test
  void closingTheEngineLeavesNoPooledSandboxCgroupOrDirectory() throws Exception {
    Pooled pooled = Pooled.start(config, 2);
    String id = pooled.id;
    Session open;
    try {
      pooled.awaitFull();
      open = pooled.engine.openSession(PYTHON); // one taken, one waiting, one refilling
      assertThat(HostProbe.runCgroups())
          .as("the pool's cgroups")
          .anyMatch(n -> n.startsWith(id + "."));
      assertThat(runDirs(pooled.dir())).as("the pool's run directories").isNotEmpty();
    } finally {
      pooled.close();
    }
    assertThat(open.state()).isEqualTo(Session.State.CLOSED);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() ->
            assertThat(HostProbe.pidsWithCmdline("/engines/" + id + "/"))
                .as("processes of the engine's sandboxes")
                .isEmpty());
    assertThat(HostProbe.runCgroups()).noneMatch(n -> n.startsWith(id + "."));
    assertThat(runDirs(pooled.dir())).isEmpty();
  }

  @Test
  void aSessionPoolOfAnotherTierIsRefusedAtStart() {
    EngineConfig gvisor =
        config.withSessionPools(
            List.of(new WarmPoolSpec("python", "default", Isolation.GVISOR, 1)));
    assertThatThrownBy(() -> Engine.start(gvisor))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sessions run in bubblewrap only");
  }

  private static ExecutionResult ok(Session s, String code) {
    return SessionTest.ok(s, code);
  }

  private static WarmPoolStats stats(Engine engine) {
    return engine.sessionPools().getFirst();
  }

  /** An engine with a python session pool, and its id on the host, read from its directory. */
  private record Pooled(Engine engine, String id, Path engines) implements AutoCloseable {
    static Pooled start(EngineConfig config, int size) throws IOException {
      Path engines = config.stateDir().resolve("engines");
      Set<Path> before = new HashSet<>(HostProbe.list(engines));
      Engine engine =
          Engine.start(
              config.withSessionPools(List.of(new WarmPoolSpec("python", "default", size))));
      String id =
          HostProbe.list(engines).stream()
              .filter(p -> !before.contains(p) && Files.isDirectory(p))
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith(Long.toHexString(ProcessHandle.current().pid()) + "-"))
              .findFirst()
              .orElseThrow();
      return new Pooled(engine, id, engines);
    }

    Path dir() {
      return engines.resolve(id);
    }

    void awaitFull() {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> engine.sessionPools().stream().allMatch(s -> s.idle() == s.size()));
    }

    /** This engine's session agents (bwrap's command line names the agent too). */
    List<Long> agents() {
      return HostProbe.descendantsWithCmdline("session-agent.pyc").stream()
          .filter(pid -> HostProbe.cgroupOf(pid).startsWith(id + "."))
          .filter(pid -> HostProbe.cmdline(pid).startsWith("/usr/bin/python3 "))
          .toList();
    }

    @Override
    public void close() {
      engine.close();
    }
  }

  /** Run directories (ID.N) in an engine's directory. */
  private static List<Path> runDirs(Path engineDir) throws IOException {
    return HostProbe.list(engineDir).stream()
        .filter(p -> p.getFileName().toString().matches(".*\\.\\d+"))
        .toList();
  }
}
