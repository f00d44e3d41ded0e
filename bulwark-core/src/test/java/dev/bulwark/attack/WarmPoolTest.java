package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Execution;
import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.Profiles;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Warm sandboxes, started before their program exists, judged from the host: they run a program as
 * a cold sandbox does, apply the policy at hand-off, start the clock at hand-off, are never reused,
 * and an empty or broken pool falls back to a cold start.
 */
class WarmPoolTest {
  private static final Limits LIMITS = Profiles.LAMBDA;
  private static Engine engine;

  @BeforeAll
  static void start() {
    engine =
        Engine.start(
            TestEngine.config()
                .withWarmPools(
                    List.of(
                        new WarmPoolSpec("python", "lambda", 1),
                        new WarmPoolSpec("javascript", "lambda", 1))));
    awaitFull();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void aWarmSandboxRunsTheProgramWithItsInputAndItsTraceback() {
    awaitFull();
    long hits = stats("python").hits();
    ExecutionResult r =
        run(
            "python",
            "import sys\nprint(sys.stdin.read().upper(), __name__)\nraise ValueError('boom')\n",
            LIMITS,
            "hello");
    assertThat(stats("python").hits()).isEqualTo(hits + 1);
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.stdout()).isEqualTo("HELLO __main__\n");
    assertThat(r.stderr())
        .contains("File \"<code>\", line 3")
        .contains("raise ValueError('boom')")
        .contains("ValueError: boom");
  }

  @Test
  void aWarmGvisorSandboxServesRunsOfItsTierOnly() {
    TestEngine.assumeAvailable(Isolation.GVISOR);
    String uname = "import os\nprint(os.uname().release)";
    Job job = new Job("python", uname, LIMITS, new byte[0], Policies.builtIn("audit"));
    try (Engine gvisor =
        Engine.start(
            TestEngine.config()
                .withWarmPools(
                    List.of(new WarmPoolSpec("python", "lambda", Isolation.GVISOR, 1))))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> gvisor.warmPools().getFirst().idle() == 1);
      assertThat(gvisor.warmPools().getFirst().tier()).isEqualTo("gvisor");

      ExecutionResult bubblewrap = gvisor.execute(job);
      assertThat(bubblewrap.stdout()).isEqualTo(System.getProperty("os.version") + "\n");
      assertThat(gvisor.warmPools().getFirst().hits()).as("not of its tier").isZero();

      ExecutionResult warm = gvisor.execute(job.withIsolation(Isolation.GVISOR));
      assertThat(warm.status()).as(warm.stderr()).isEqualTo(Status.OK);
      assertThat(warm.stdout()).isNotEqualTo(bubblewrap.stdout());
      assertThat(gvisor.warmPools().getFirst().hits()).isEqualTo(1);
    }
  }

  @Test
  void aWarmNodeRunsItsProgramAsTheMainModule() {
    awaitFull();
    long hits = stats("javascript").hits();
    ExecutionResult r =
        run("javascript", "console.log(require.main === module, __filename)", LIMITS, "");
    assertThat(stats("javascript").hits()).isEqualTo(hits + 1);
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("true /run/bulwark/main.js\n");
  }

  @Test
  void thePolicyIsAppliedAtHandOffAndADeniedProgramNeverRuns() {
    awaitFull();
    long hits = stats("python").hits();
    ExecutionResult r =
        engine.execute(
            new Job(
                "python",
                "print('ran')\nleak = ().__class__.__base__.__subclasses__()\n",
                LIMITS,
                new byte[0],
                Policies.standard()));
    assertThat(stats("python").hits()).isEqualTo(hits + 1);
    assertThat(r.status()).isEqualTo(Status.POLICY_DENIED);
    assertThat(r.findings()).extracting(f -> f.ruleId()).contains("py.introspection");
    assertThat(r.stdout()).as("nothing of the program ran").isEmpty();
  }

  @Test
  void theWallClockStartsAtHandOffNotWhenTheSandboxStarted() throws Exception {
    awaitFull();
    Thread.sleep(1_200); // the waiting sandbox is now older than the run's whole wall clock
    Limits oneSecond = LIMITS.withWallTimeout(Duration.ofSeconds(1));
    long hits = stats("python").hits();
    assertThat(run("python", "print('in time')", oneSecond, "").status()).isEqualTo(Status.OK);
    assertThat(stats("python").hits())
        .as("a timeout alone still fits the pool")
        .isEqualTo(hits + 1);
    awaitFull();
    ExecutionResult stuck = run("python", "while True: pass", oneSecond, "");
    assertThat(stuck.status()).isIn(Status.TIMEOUT, Status.CPU_LIMIT);
  }

  @Test
  void aWarmSandboxServesOneProgramOnly() {
    awaitFull();
    String leave = "open('/tmp/left', 'w').write('x'); import os; print(os.getpid())";
    ExecutionResult first = run("python", leave, LIMITS, "");
    awaitFull();
    ExecutionResult second =
        run("python", "import os; print(os.path.exists('/tmp/left'))", LIMITS, "");
    assertThat(first.status()).isEqualTo(Status.OK);
    assertThat(second.stdout()).isEqualTo("False\n");
  }

  @Test
  void theProgramCannotChangeItsOwnCodeNorTheRunnerEverySandboxShares() throws Exception {
    awaitFull();
    Map<Path, String> runners = runnerDigests();
    assertThat(runners).as("the engines' runner files, seen from the host").isNotEmpty();
    String tamper =
        """
        import os
        for path in ("/run/bulwark/main.py", "/run/bulwark/python-runner.py", "/run/bulwark/new"):
            try:
                open(path, "a").write("tampered")
                print("wrote", path)
            except OSError as e:
                print("refused", e.errno)
        for change in (lambda: os.chmod("/run/bulwark/python-runner.py", 0o777),
                       lambda: os.unlink("/run/bulwark/main.py"),
                       lambda: os.rename("/run/bulwark/python-runner.py", "/run/bulwark/x")):
            try:
                change()
                print("changed")
            except OSError as e:
                print("refused", e.errno)
        """;
    ExecutionResult r = run("python", tamper, LIMITS, "");
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).doesNotContain("wrote").doesNotContain("changed");
    assertThat(r.stdout().lines().filter(l -> l.startsWith("refused"))).hasSize(6);
    assertThat(runnerDigests()).as("the shared runners, after").isEqualTo(runners);
  }

  /** SHA-256 of every engine's runner files in the state directory, by path. */
  private static Map<Path, String> runnerDigests() throws Exception {
    Map<Path, String> out = new TreeMap<>();
    try (var engines = Files.list(TestEngine.config().stateDir().resolve("engines"))) {
      for (Path engine : engines.toList()) {
        Path runners = engine.resolve("runners");
        if (Files.isDirectory(runners)) {
          try (var files = Files.list(runners)) {
            for (Path f : files.toList()) {
              byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
              out.put(f, HexFormat.of().formatHex(digest));
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void anEmptyPoolFallsBackToAColdStartAndRefillsLater() {
    awaitFull();
    long misses = stats("python").misses();
    List<Execution> running = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      running.add(
          engine.submit(
              new Job(
                  "python",
                  "import time; time.sleep(0.5); print('done')",
                  LIMITS,
                  new byte[0],
                  Policies.builtIn("audit"))));
    }
    for (Execution e : running) {
      ExecutionResult r = e.result().join();
      assertThat(r.status()).as(r.reason()).isEqualTo(Status.OK);
      assertThat(r.stdout()).isEqualTo("done\n");
    }
    assertThat(stats("python").misses()).isGreaterThanOrEqualTo(misses + 3);
    awaitFull();
  }

  @Test
  void limitsThatNoPoolServesStartCold() {
    awaitFull();
    WarmPoolStats before = stats("python");
    ExecutionResult r = run("python", "print(2)", Profiles.STRICT, "");
    assertThat(r.status()).isEqualTo(Status.OK);
    WarmPoolStats after = stats("python");
    assertThat(after.hits()).isEqualTo(before.hits());
    assertThat(after.misses()).isEqualTo(before.misses());
  }

  @Test
  void aSandboxKilledWhileItWaitedIsNeverHandedOut() {
    awaitFull();
    // Only this JVM's sandboxes: other engines on the host have their own waiting runners.
    List<Long> runners = HostProbe.descendantsWithCmdline("python-runner.py");
    assertThat(runners).as("the waiting python runner, seen from the host").isNotEmpty();
    List<ProcessHandle> sandbox = new ArrayList<>(); // the runner and bwrap above it, up to us
    for (long pid : runners) {
      for (var p = ProcessHandle.of(pid);
          p.isPresent() && p.get().pid() != ProcessHandle.current().pid();
          p = p.get().parent()) {
        sandbox.add(p.get());
      }
    }
    runners.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> sandbox.stream().noneMatch(ProcessHandle::isAlive));
    ExecutionResult r = run("python", "print('fresh')", LIMITS, "");
    assertThat(r.status()).as(r.reason()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("fresh\n");
  }

  @Test
  void aSandboxThatWaitedTooLongIsReplacedByAFreshOne() {
    try (Engine quick =
        Engine.start(
            TestEngine.config()
                .withWarmMaxIdle(Duration.ofMillis(400))
                .withWarmPools(List.of(new WarmPoolSpec("javascript", "strict", 1))))) {
      await().atMost(Duration.ofSeconds(20)).until(() -> quick.warmPools().getFirst().idle() == 1);
      // The class's own engine has a node waiting too: judge by what comes and goes.
      List<Long> first = HostProbe.pidsWithCmdline("javascript-runner.js");
      assertThat(first).as("the waiting node runners, seen from the host").isNotEmpty();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() ->
              quick.warmPools().getFirst().expired() >= 1
                  && quick.warmPools().getFirst().idle() == 1);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> {
            List<Long> now = HostProbe.pidsWithCmdline("javascript-runner.js");
            assertThat(first)
                .as("the old sandbox's processes are gone")
                .anyMatch(p -> !now.contains(p));
            assertThat(now).as("a fresh sandbox waits instead").anyMatch(p -> !first.contains(p));
          });
    }
  }

  @Test
  void aPoolOfARuntimeWithoutARunnerIsRefusedAtStart() {
    EngineConfig bash = TestEngine.config().withWarmPools(List.of(WarmPoolSpec.parse("bash=1")));
    assertThatThrownBy(() -> Engine.start(bash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bash cannot wait warm");
    assertThatThrownBy(() -> WarmPoolSpec.parse("python:huge=1"))
        .hasMessageContaining("unknown profile 'huge'");
    assertThatThrownBy(() -> WarmPoolSpec.parse("python"))
        .hasMessageContaining("RUNTIME[:PROFILE[:ISOLATION]]=SIZE");
    assertThatThrownBy(() -> WarmPoolSpec.parse("python:default:kata=1"))
        .hasMessageContaining("isolation is one of bubblewrap, gvisor");
    assertThat(WarmPoolSpec.parse("python:strict=3"))
        .isEqualTo(new WarmPoolSpec("python", "strict", 3));
    assertThat(WarmPoolSpec.parse("python:default:gvisor=4"))
        .isEqualTo(new WarmPoolSpec("python", "default", Isolation.GVISOR, 4));
  }

  private static ExecutionResult run(String language, String code, Limits limits, String stdin) {
    return engine.execute(
        new Job(
            language,
            code,
            limits,
            stdin.getBytes(StandardCharsets.UTF_8),
            Policies.builtIn("audit")));
  }

  private static WarmPoolStats stats(String runtime) {
    return engine.warmPools().stream()
        .filter(s -> s.runtime().equals(runtime))
        .findFirst()
        .orElseThrow();
  }

  /** Waits until every pool is full again, so that the next run is a hit. */
  private static void awaitFull() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> engine.warmPools().stream().allMatch(s -> s.idle() == s.size()));
  }
}
