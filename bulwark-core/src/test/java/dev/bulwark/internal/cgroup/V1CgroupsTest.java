package dev.bulwark.internal.cgroup;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Profiles;
import dev.bulwark.spi.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real cgroup v1, as root: runs real processes under real limits. Skipped on hosts without a fully
 * usable v1 (see {@link V2FakeTreeTest} for v2).
 *
 * <p>The runs live under a base of their own, {@code bulwark-test-<pid>/}, not {@code bulwark/}:
 * engines running on the same host clean {@code bulwark/} by their own rules at start-up (and did,
 * killing these tests' processes mid-test), and a base per JVM keeps two builds apart too.
 */
class V1CgroupsTest {
  private static final Path BASE = Path.of("bulwark-test-" + ProcessHandle.current().pid());
  private static final long MIB = 1L << 20;

  private static Cgroups cgroups;
  private final List<Process> started = new ArrayList<>();

  @TempDir Path tmp;

  @BeforeAll
  static void realCgroupV1() {
    cgroups = Cgroups.detect(BASE);
    assumeThat(cgroups.version()).as("cgroup version of this host").isEqualTo(Version.V1);
    assumeThat(cgroups.problems()).as("cgroup v1 problems (needs root)").isEmpty();
  }

  @AfterEach
  void stopStrays() {
    started.forEach(Process::destroyForcibly);
  }

  @AfterAll
  static void noCgroupLeftBehind() throws IOException {
    if (cgroups == null || cgroups.version() != Version.V1) {
      return;
    }
    List<Path> leftovers = runDirsOnHost();
    cgroups.cleanupStale(name -> true); // tidy the host even when failing
    for (Path base : baseDirsOnHost()) {
      Files.delete(base);
    }
    assertThat(leftovers).as("cgroups the tests did not remove").isEmpty();
    assertThat(baseDirsOnHost()).isEmpty();
  }

  /** Listed straight from cgroupfs, not through the code under test. */
  private static List<Path> runDirsOnHost() throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path base : baseDirsOnHost()) {
      try (Stream<Path> entries = Files.list(base)) {
        entries.filter(Files::isDirectory).forEach(found::add);
      }
    }
    return found;
  }

  private static List<Path> baseDirsOnHost() throws IOException {
    try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
      return hierarchies.map(h -> h.resolve(BASE)).filter(Files::isDirectory).toList();
    }
  }

  @Test
  void thisHostIsDetectedAsFullyUsableV1() {
    Cgroups host = Cgroups.detect();

    assertThat(host.version()).isEqualTo(Version.V1);
    assertThat(host.problems()).isEmpty();
    assertThat(host.describe()).isEqualTo("cgroup v1 (memory, cpu, cpuacct, pids, freezer)");
  }

  @Test
  void limitsAreWrittenToEveryHierarchy() {
    try (RunCgroup run = cgroups.create("limits", Profiles.STRICT)) {
      assertThat(run.procsFiles()).hasSize(5).allMatch(Files::isRegularFile);
      assertThat(run.procsFiles())
          .contains(Path.of("/sys/fs/cgroup/pids").resolve(BASE).resolve("limits/cgroup.procs"));
      Path memory = dirWith(run, "memory.limit_in_bytes");
      assertThat(read(memory, "memory.limit_in_bytes")).isEqualTo("" + 256 * MIB);
      assertThat(read(memory, "memory.memsw.limit_in_bytes")).isEqualTo("" + 256 * MIB);
      assertThat(read(memory, "memory.swappiness")).isEqualTo("0");
      assertThat(read(memory, "memory.oom_control")).contains("oom_kill_disable 0");
      assertThat(read(dirWith(run, "pids.max"), "pids.max")).isEqualTo("64");
      Path cpu = dirWith(run, "cpu.cfs_quota_us");
      assertThat(read(cpu, "cpu.cfs_period_us")).isEqualTo("100000");
      assertThat(read(cpu, "cpu.cfs_quota_us")).isEqualTo("50000");
    }
  }

  @Test
  void memoryHogIsKilledByTheKernelAndCounted() throws Exception {
    try (RunCgroup run = cgroups.create("oom", Profiles.STRICT.withMemoryBytes(64 * MIB))) {
      Process hog = startIn(run, "exec python3 -c 'bytearray(512 << 20)'");

      assertThat(hog.waitFor(30, SECONDS)).isTrue();
      assertThat(hog.exitValue()).as("exit of a SIGKILLed process").isEqualTo(128 + 9);
      Usage usage = run.usage();
      assertThat(usage.oomKills()).isPositive();
      assertThat(usage.peakMemoryBytes()).isPositive().isLessThanOrEqualTo(64 * MIB);
    }
  }

  @Test
  void forkLoopEndsAtThePidsLimit() throws Exception {
    try (RunCgroup run = cgroups.create("pids", Profiles.STRICT.withPids(16))) {
      startIn(run, "i=0; while [ $i -lt 100 ]; do sleep 60 & i=$((i+1)); done; wait");

      await().atMost(Duration.ofSeconds(20)).until(() -> run.usage().pidsLimitHits() > 0);
      assertThat(Long.parseLong(read(dirWith(run, "pids.current"), "pids.current")))
          .isLessThanOrEqualTo(16);
    }
  }

  @Test
  void busyLoopIsCountedAndThrottledToItsQuota() throws Exception {
    try (RunCgroup run = cgroups.create("cpu", Profiles.STRICT)) {
      startIn(run, "while :; do :; done");

      await().atMost(Duration.ofSeconds(20)).until(() -> run.usage().cpuNanos() > 200_000_000L);
      Path cpu = dirWith(run, "cpu.stat");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> CgroupFs.keyed(cpu.resolve("cpu.stat"), "nr_throttled") > 0);
      assertThat(run.usage().peakMemoryBytes()).isPositive();
    }
  }

  @Test
  void killAllEndsTheWholeTreeIncludingADoubleForkedDaemon() throws Exception {
    Path pidFile = tmp.resolve("pids");
    try (RunCgroup run = cgroups.create("tree", Profiles.STRICT)) {
      startIn(
          run,
          """
          echo $$ >> "$PIDS"; sleep 300 & echo $! >> "$PIDS"
          ( setsid sh -c 'echo $$ >> "$PIDS"; sleep 300 & echo $! >> "$PIDS"; exec sleep 301' & )
          exec sleep 302
          """,
          pidFile);
      await().atMost(Duration.ofSeconds(10)).until(() -> lines(pidFile).size() == 4);
      List<Long> pids = lines(pidFile).stream().map(Long::parseLong).toList();
      long daemon = pids.get(2);
      assertThat(pids).allMatch(V1CgroupsTest::alive);
      assertThat(statField(daemon, SESSION))
          .as("the daemon leads its own session")
          .isEqualTo(daemon);
      assertThat(statField(daemon, PARENT)).as("the daemon's parent").isNotIn(pids);

      run.killAll();

      assertThat(run.procsFiles()).allMatch(f -> CgroupFs.readPids(f).isEmpty());
      assertThat(read(dirWith(run, "freezer.state"), "freezer.state")).isEqualTo("THAWED");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> pids.stream().noneMatch(V1CgroupsTest::alive));
    }
  }

  @Test
  void closeKillsAndRemovesEveryDirectory() throws Exception {
    RunCgroup run = cgroups.create("close", Profiles.STRICT);
    Process sleeper = startIn(run, "exec sleep 300");
    awaitJoined(run, sleeper);
    List<Path> dirs = run.procsFiles().stream().map(Path::getParent).toList();

    run.close();
    run.close(); // idempotent

    assertThat(sleeper.waitFor(10, SECONDS)).isTrue();
    assertThat(dirs).noneMatch(Files::exists);
    assertThatThrownBy(run::usage)
        .isInstanceOf(CgroupException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void cleanupStaleKillsAndRemovesWhatACrashedEngineLeft() throws Exception {
    RunCgroup crashed = cgroups.create("crashed", Profiles.STRICT);
    Process orphan = startIn(crashed, "exec sleep 300");
    awaitJoined(crashed, orphan);
    List<Path> crashedDirs = crashed.procsFiles().stream().map(Path::getParent).toList();
    // A crash mid-create leaves a directory in some hierarchies only.
    Path partial = crashedDirs.getFirst().resolveSibling("partial");
    Files.createDirectory(partial);

    try (RunCgroup active = cgroups.create("active", Profiles.STRICT)) {
      Cgroups nextStart = Cgroups.detect(BASE);
      int removed = nextStart.cleanupStale(name -> !name.equals(active.name()));

      assertThat(removed).isEqualTo(2);
      assertThat(orphan.waitFor(10, SECONDS)).isTrue();
      assertThat(crashedDirs).noneMatch(Files::exists);
      assertThat(partial).doesNotExist();
      assertThat(active.procsFiles()).allMatch(Files::exists);
    }
  }

  @Test
  void anExistingNameIsRefusedAndLeftIntact() {
    try (RunCgroup run = cgroups.create("twice", Profiles.STRICT)) {
      assertThatThrownBy(() -> cgroups.create("twice", Profiles.LAMBDA))
          .isInstanceOf(CgroupException.class)
          .hasMessageContaining("already exists");
      assertThat(run.procsFiles()).allMatch(Files::exists);
      assertThat(read(dirWith(run, "pids.max"), "pids.max")).isEqualTo("64");
    }
  }

  /**
   * Starts {@code script} the way the engine's launcher will: a shell writes its own pid into every
   * cgroup.procs file, then execs, so the script starts inside the cgroup.
   */
  private Process startIn(RunCgroup run, String script, Path... pidFile) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "sh",
                "-c",
                """
                for f in "$@"; do echo $$ > "$f" || exit 97; done; exec sh -c "$SCRIPT"
                """,
                "join"));
    run.procsFiles().forEach(f -> command.add(f.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("SCRIPT", script);
    if (pidFile.length > 0) {
      builder.environment().put("PIDS", pidFile[0].toString());
    }
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private static void awaitJoined(RunCgroup run, Process process) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            run.procsFiles().stream().allMatch(f -> CgroupFs.readPids(f).contains(process.pid())));
  }

  private static Path dirWith(RunCgroup run, String file) {
    return run.procsFiles().stream()
        .map(Path::getParent)
        .filter(dir -> Files.exists(dir.resolve(file)))
        .findFirst()
        .orElseThrow();
  }

  private static String read(Path dir, String file) {
    return CgroupFs.read(dir.resolve(file)).strip();
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file)
        ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList()
        : List.of();
  }

  private static final int PARENT = 1;
  private static final int SESSION = 3;

  /**
   * A field of /proc/PID/stat counted after the command name: 0 state, 1 ppid, 2 pgrp, 3 session.
   */
  private static long statField(long pid, int index) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
