package dev.bulwark.internal.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.Profiles;
import dev.bulwark.spi.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cgroup v2 against a directory tree shaped like cgroupfs, with the interface files a kernel would
 * create written by the test. This is a stand-in, accepted only because the build machine cannot
 * run v2: all of its controllers are bound to v1 hierarchies, and a controller can live in one
 * hierarchy only. What it checks is what Bulwark writes and how it parses; what the kernel does
 * with it is covered for v1 by {@link V1CgroupsTest}.
 */
class V2FakeTreeTest {
  @TempDir Path root;
  private Path base;
  private Path run;

  @BeforeEach
  void fakeCgroupfs() throws IOException {
    cgroupDir(root, "cpuset cpu io memory hugetlb pids rdma misc");
    write(root, "cgroup.procs", "1\n");
    base = cgroupDir(root.resolve("bulwark"), "");
    run = cgroupDir(base.resolve("r1"), "");
    for (String file : List.of("memory.max", "memory.swap.max", "pids.max")) {
      write(run, file, "max\n");
    }
    write(run, "cpu.max", "max 100000\n");
    write(run, "cgroup.kill", "");
  }

  /** A cgroup directory with the core files; {@code offered} is what its parent delegates. */
  private static Path cgroupDir(Path dir, String offered) throws IOException {
    Files.createDirectories(dir);
    write(dir, "cgroup.controllers", offered + "\n");
    write(dir, "cgroup.subtree_control", "\n");
    write(dir, "cgroup.procs", "");
    return dir;
  }

  @Test
  void aUsableTreeHasNoProblems() {
    Cgroups cgroups = Cgroups.v2(root);

    assertThat(cgroups.version()).isEqualTo(Version.V2);
    assertThat(cgroups.problems()).isEmpty();
    assertThat(cgroups.describe()).isEqualTo("cgroup v2 at " + base + " (memory, pids, cpu)");
  }

  @Test
  void controllersAreDelegatedFromTheRootDownToTheBase() throws IOException {
    write(root, "cgroup.subtree_control", "cpu io\n");

    hierarchy().prepareBase();

    assertThat(read(root, "cgroup.subtree_control")).isEqualTo("+memory +pids");
    assertThat(read(base, "cgroup.subtree_control")).isEqualTo("+memory +pids +cpu");
  }

  @Test
  void nothingIsWrittenWhenControllersAreAlreadyDelegated() throws IOException {
    write(root, "cgroup.subtree_control", "cpuset cpu io memory pids\n");
    write(base, "cgroup.subtree_control", "cpu memory pids\n");

    hierarchy().prepareBase();

    assertThat(read(root, "cgroup.subtree_control")).isEqualTo("cpuset cpu io memory pids");
    assertThat(read(base, "cgroup.subtree_control")).isEqualTo("cpu memory pids");
  }

  @Test
  void limitsAreWrittenWithSwapForbidden() throws IOException {
    hierarchy().applyLimits("r1", Profiles.STRICT);

    assertThat(read(run, "memory.max")).isEqualTo("" + (256L << 20));
    assertThat(read(run, "memory.swap.max")).isEqualTo("0");
    assertThat(read(run, "pids.max")).isEqualTo("64");
    assertThat(read(run, "cpu.max")).isEqualTo("50000 100000");
  }

  @Test
  void withoutSwapAccountingThereIsNoSwapFileToWrite() throws IOException {
    Files.delete(run.resolve("memory.swap.max"));

    hierarchy().applyLimits("r1", Profiles.LAMBDA.withCpus(2.5));

    assertThat(run.resolve("memory.swap.max")).doesNotExist();
    assertThat(read(run, "cpu.max")).isEqualTo("250000 100000");
  }

  @Test
  void usageIsParsedFromTheV2Files() throws IOException {
    write(run, "cpu.stat", "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\nnr_periods 0\n");
    write(run, "memory.peak", "4096\n");
    write(run, "memory.current", "1024\n");
    write(run, "memory.events", "low 0\nhigh 0\nmax 7\noom 2\noom_kill 2\noom_group_kill 0\n");
    write(run, "pids.events", "max 5\n");

    assertThat(new RunCgroup(hierarchy(), "r1").usage())
        .isEqualTo(new Usage(1_500_000, 4096, 2, 5));
  }

  @Test
  void peakMemoryFallsBackToCurrentBeforeLinux519() throws IOException {
    write(run, "cpu.stat", "usage_usec 0\n");
    write(run, "memory.current", "8192\n");
    write(run, "memory.events", "low 0\nhigh 0\nmax 0\noom 0\n");
    write(run, "pids.events", "max 0\n");

    Usage usage = new RunCgroup(hierarchy(), "r1").usage();

    assertThat(usage.peakMemoryBytes()).isEqualTo(8192);
    assertThat(usage.oomKills()).isZero();
  }

  @Test
  void aRunIsJoinedThroughOneProcsFileAndKilledThroughCgroupKill() throws IOException {
    RunCgroup cgroup = new RunCgroup(hierarchy(), "r1");

    assertThat(cgroup.procsFiles()).containsExactly(run.resolve("cgroup.procs"));
    cgroup.killAll();
    assertThat(read(run, "cgroup.kill")).isEqualTo("1");
  }

  @Test
  void existingRunsAreFoundForCleanup() throws IOException {
    Files.createDirectories(base.resolve("not a run name"));
    Files.createSymbolicLink(base.resolve("link"), run);

    assertThat(hierarchy().existingNames()).containsExactly("r1");
  }

  @Test
  void missingControllersAreProblemsWithAFix() throws IOException {
    write(root, "cgroup.controllers", "cpu memory\n");

    Cgroups cgroups = Cgroups.v2(root);

    assertThat(cgroups.problems())
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("'pids' is not available in " + root)
        .contains("Delegate=yes");
  }

  @Test
  void aDelegatedParentHoldingProcessesIsAProblem() throws IOException {
    Path delegated = cgroupDir(root.resolve("user.slice"), "cpu memory pids");
    write(delegated, "cgroup.procs", "4242\n");

    Cgroups cgroups = Cgroups.v2(root, Path.of("user.slice/bulwark"));

    assertThat(cgroups.problems())
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains(delegated + " holds processes")
        .contains("leaf cgroup");
  }

  @Test
  void aSymlinkedLimitFileIsNotFollowed(@TempDir Path elsewhere) throws IOException {
    Path target = Files.writeString(elsewhere.resolve("precious"), "keep\n");
    Files.delete(run.resolve("pids.max"));
    Files.createSymbolicLink(run.resolve("pids.max"), target);

    assertThatThrownBy(() -> hierarchy().applyLimits("r1", Profiles.STRICT))
        .isInstanceOf(CgroupException.class)
        .hasMessageContaining("pids.max");
    assertThat(target).hasContent("keep");
  }

  @Test
  void aSymlinkedBaseDirectoryIsRefused(@TempDir Path elsewhere) throws IOException {
    Path fakeBase = cgroupDir(elsewhere.resolve("bulwark"), "");
    Path otherRoot = cgroupDir(elsewhere.resolve("root"), "cpu memory pids");
    Files.createSymbolicLink(otherRoot.resolve("bulwark"), fakeBase);

    assertThatThrownBy(() -> new V2Hierarchy(otherRoot, Path.of("bulwark")).prepareBase())
        .isInstanceOf(CgroupException.class)
        .hasMessageContaining("not a directory");
    assertThat(read(fakeBase, "cgroup.subtree_control")).isEmpty();
  }

  @Test
  void anUnreadableTreeIsReportedNotThrown() throws IOException {
    write(base, "cgroup.procs", "not a pid\n");

    Cgroups cgroups =
        Cgroups.fromMounts(
            List.of(new MountInfo(root, "cgroup2", Set.of("rw"))), Path.of("bulwark"));

    assertThat(cgroups.version()).isEqualTo(Version.NONE);
    assertThat(cgroups.problems()).singleElement().asString().contains("not a pid");
  }

  private V2Hierarchy hierarchy() {
    return new V2Hierarchy(root, Path.of("bulwark"));
  }

  private static void write(Path dir, String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text);
  }

  private static String read(Path dir, String file) throws IOException {
    return Files.readString(dir.resolve(file)).strip();
  }
}
