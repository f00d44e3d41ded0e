package dev.bulwark.internal.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which interface a host's mounts lead to, what is reported missing, and what names pass. */
class DetectionTest {
  /** This build machine: v1 controllers, each apart, next to a cgroup2 with none of ours. */
  private static final String HYBRID =
      """
      31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
      32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
      33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
      35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
      37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
      39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
      40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
      41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
      """;

  @TempDir Path tmp;

  @Test
  void v1ControllersWinOverASideCgroup2() {
    List<MountInfo> mounts = MountInfo.parseCgroupMounts(HYBRID);

    assertThat(mounts).hasSize(7);
    Cgroups cgroups = Cgroups.fromMounts(mounts, Path.of("bulwark"));
    assertThat(cgroups.version()).isEqualTo(Version.V1);
    assertThat(cgroups.describe()).isEqualTo("cgroup v1 (memory, cpu, cpuacct, pids, freezer)");
  }

  @Test
  void aHybridHostWithoutV1ControllersIsV2() throws IOException {
    Path unified = Files.createDirectories(tmp.resolve("unified"));
    Files.writeString(unified.resolve("cgroup.controllers"), "cpu memory pids\n");
    String mountinfo =
        "40 31 0:37 / /sys/fs/cgroup/systemd rw - cgroup cgroup rw,name=systemd\n"
            + "41 31 0:38 / "
            + unified
            + " rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n";

    Cgroups cgroups =
        Cgroups.fromMounts(MountInfo.parseCgroupMounts(mountinfo), Path.of("bulwark"));

    assertThat(cgroups.version()).isEqualTo(Version.V2);
    assertThat(cgroups.problems()).isEmpty();
  }

  @Test
  void noCgroupFilesystemIsReportedAndCreateRefuses() {
    Cgroups cgroups = Cgroups.fromMounts(List.of(), Path.of("bulwark"));

    assertThat(cgroups.version()).isEqualTo(Version.NONE);
    assertThat(cgroups.problems())
        .containsExactly("no cgroup filesystem is mounted: mount -t cgroup2 none /sys/fs/cgroup");
    assertThat(cgroups.cleanupStale(name -> true)).isZero();
    assertThatThrownBy(() -> cgroups.create("r1", Profiles.STRICT))
        .isInstanceOf(CgroupException.class)
        .hasMessageContaining("mount -t cgroup2")
        .extracting(e -> ((CgroupException) e).code())
        .isEqualTo(CgroupException.Code.HOST_NOT_READY);
  }

  @Test
  void aMissingV1ControllerIsAProblemWithTheMountCommand() throws IOException {
    Map<String, Path> mounts =
        Map.of(
            "memory",
            dir("memory"),
            "cpu",
            dir("cpu"),
            "cpuacct",
            dir("cpuacct"),
            "freezer",
            dir("freezer"));

    Cgroups cgroups = Cgroups.v1(mounts);

    assertThat(cgroups.problems())
        .contains(
            "cgroup v1 controller 'pids' is not mounted: mkdir -p /sys/fs/cgroup/pids && mount -t"
                + " cgroup -o pids none /sys/fs/cgroup/pids");
    assertThatThrownBy(() -> cgroups.create("r1", Profiles.STRICT))
        .isInstanceOf(CgroupException.class)
        .hasMessageContaining("'pids' is not mounted");
  }

  @Test
  void v1WithoutSwapAccountingIsReportedButUsable() throws IOException {
    Map<String, Path> mounts =
        Map.of(
            "memory",
            dir("memory"),
            "cpu",
            dir("cpu"),
            "cpuacct",
            dir("cpuacct"),
            "pids",
            dir("pids"),
            "freezer",
            dir("freezer"));

    V1Hierarchy hierarchy = new V1Hierarchy(mounts, Path.of("bulwark"));

    assertThat(hierarchy.blockers()).isEmpty();
    assertThat(hierarchy.problems()).singleElement().asString().contains("swapaccount=1");
  }

  @Test
  void coMountedCpuAndCpuacctShareOneDirectory() throws IOException {
    Path cpu = dir("cpu,cpuacct");
    Map<String, Path> mounts =
        Map.of(
            "memory",
            dir("memory"),
            "cpu",
            cpu,
            "cpuacct",
            cpu,
            "pids",
            dir("pids"),
            "freezer",
            dir("freezer"));

    List<Path> runDirs = new V1Hierarchy(mounts, Path.of("bulwark")).runDirs("r1");

    assertThat(runDirs).hasSize(4).contains(cpu.resolve("bulwark/r1"));
  }

  @Test
  void escapedMountPointsAreDecoded() {
    assertThat(MountInfo.unescape("/sys/fs/cgroup/with\\040space\\134x"))
        .isEqualTo("/sys/fs/cgroup/with space\\x");
    assertThat(MountInfo.unescape("/trailing\\04")).isEqualTo("/trailing\\04");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b", "../etc", "with space", "x\n"})
  void namesThatAreNotOneSafeSegmentAreRefused(String name) {
    Cgroups cgroups = Cgroups.fromMounts(List.of(), Path.of("bulwark"));

    assertThatThrownBy(() -> cgroups.create(name, Profiles.STRICT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid cgroup name");
  }

  @Test
  void namesUpTo64SafeCharactersPass() {
    assertThat(CgroupFs.isValidName("run-42_a.b")).isTrue();
    assertThat(CgroupFs.isValidName("x".repeat(64))).isTrue();
    assertThat(CgroupFs.isValidName("x".repeat(65))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/sys/fs/cgroup", "../bulwark", "a/../../b", "./bulwark"})
  void aBaseOutsideTheHierarchyIsRefused(String base) {
    assertThatThrownBy(() -> Cgroups.detect(Path.of(base)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Path dir(String name) throws IOException {
    return Files.createDirectories(tmp.resolve(name));
  }
}
