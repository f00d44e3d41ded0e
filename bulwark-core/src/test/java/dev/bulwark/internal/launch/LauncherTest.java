package dev.bulwark.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.Profiles;
import dev.bulwark.internal.host.HostUser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher binary as built ({@code src/main/c/bulwark-launch.c}), run as the engine runs it.
 * What it set up is judged from the host: {@code /proc/<pid>} of the program it became.
 */
class LauncherTest {
  private static final long SANDBOX_UID = 2_000_000_990L;

  @TempDir Path dir;

  private Path launcher() throws Exception {
    return Path.of(LauncherImage.class.getResource(LauncherImage.RESOURCE).toURI());
  }

  private Process start() throws Exception {
    return start(List.of(launcher().toString()));
  }

  private static Process start(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    return pb.start();
  }

  private byte[] record(OptionalLong uid, List<String> command) {
    return new LaunchRecord(
            (Profiles.STRICT.cpuTime().toMillis() + 999) / 1000,
            Profiles.STRICT.fileSizeBytes(),
            Profiles.STRICT.openFiles(),
            uid,
            Path.of("/etc/hostname"),
            Path.of("/dev/null"),
            dir.resolve("status.json"),
            command)
        .bytes();
  }

  private static void send(Process p, byte[] bytes) throws IOException {
    OutputStream in = p.getOutputStream();
    in.write(bytes);
    in.flush();
  }

  @Test
  void theProgramRunsUnderTheLimitsWithDescriptors3To5AsTheSandboxUidWithoutPrivileges()
      throws Exception {
    assumeTrue(HostUser.isRoot(), "dropping to a sandbox uid needs root");
    // Root's own start leaves no group or capability to inherit; this one has some, to lose.
    Process p =
        start(
            List.of(
                "/usr/bin/setpriv",
                "--groups=4,27",
                "--inh-caps=+sys_admin,+net_admin",
                "--ambient-caps=+sys_admin",
                "--",
                launcher().toString()));
    try {
      send(p, record(OptionalLong.of(SANDBOX_UID), List.of("/bin/sleep", "30")));
      Path proc = Path.of("/proc", Long.toString(p.pid()));
      // The launcher execs the program in place: same pid, once its name is sleep it is set up.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Files.readString(proc.resolve("comm")).strip().equals("sleep"));

      String status = Files.readString(proc.resolve("status"));
      String id = Long.toString(SANDBOX_UID);
      assertThat(status)
          .contains("Uid:\t" + id + "\t" + id + "\t" + id + "\t" + id)
          .contains("Gid:\t" + id + "\t" + id + "\t" + id + "\t" + id)
          .containsPattern("Groups:\\s*\n")
          .contains("CapInh:\t0000000000000000")
          .contains("CapPrm:\t0000000000000000")
          .contains("CapEff:\t0000000000000000")
          .contains("CapAmb:\t0000000000000000")
          .contains("NoNewPrivs:\t1");

      String limits = Files.readString(proc.resolve("limits"));
      long fileSize = Profiles.STRICT.fileSizeBytes();
      long openFiles = Profiles.STRICT.openFiles();
      assertThat(limits)
          .containsPattern(limit("cpu time", 10, 11, "seconds"))
          .containsPattern(limit("file size", fileSize, fileSize, "bytes"))
          .containsPattern(limit("open files", openFiles, openFiles, "files"))
          .containsPattern(limit("core file size", 0, 0, "bytes"));

      try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
        assertThat(fds.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5");
      }
      assertThat(Files.readSymbolicLink(proc.resolve("fd/3"))).isEqualTo(Path.of("/etc/hostname"));
      assertThat(Files.readSymbolicLink(proc.resolve("fd/4"))).isEqualTo(Path.of("/dev/null"));
      assertThat(Files.readSymbolicLink(proc.resolve("fd/5")))
          .isEqualTo(dir.resolve("status.json"));
      assertThat(Files.readString(proc.resolve("environ"))).isEmpty();
    } finally {
      p.destroyForcibly().waitFor();
    }
  }

  @Test
  void whatFollowsTheRecordIsTheProgramsInput() throws Exception {
    Process p = start();
    send(p, record(OptionalLong.empty(), List.of("/bin/cat")));
    send(p, "the program's own input".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("the program's own input");
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void itNeverRunsAProgramAsRoot() throws Exception {
    Path marker = dir.resolve("ran");
    String stderr = refused(record(OptionalLong.of(0), List.of("/bin/touch", marker.toString())));
    assertThat(stderr).contains("uid 0");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aBadOrCutRecordRunsNothing() throws Exception {
    Path marker = dir.resolve("ran");
    byte[] good = record(OptionalLong.empty(), List.of("/bin/touch", marker.toString()));
    String body = new String(good, StandardCharsets.UTF_8);
    body = body.substring(body.indexOf('\n') + 1);
    List<String> bad =
        List.of(
            body.replaceFirst("^10\0", "ten\0"), // not a number
            body.replaceFirst("^10\0", "-1\0"), // negative
            body.replace("/bin/touch", "touch"), // a program by relative path
            body.substring(0, body.length() - 1), // no final NUL
            "10\u000011\u0000"); // too few fields
    for (String b : bad) {
      byte[] bytes = b.getBytes(StandardCharsets.UTF_8);
      byte[] header = (bytes.length + "\n").getBytes(StandardCharsets.US_ASCII);
      byte[] framed = Arrays.copyOf(header, header.length + bytes.length);
      System.arraycopy(bytes, 0, framed, header.length, bytes.length);
      assertThat(refused(framed)).as("record %s", b.replace('\0', '|')).isNotBlank();
    }
    // Cut: the length promises more than arrives before stdin closes.
    assertThat(refused(Arrays.copyOf(good, good.length - 3))).contains("ended early");
    assertThat(refused("12345678901234567890\n".getBytes(StandardCharsets.US_ASCII)))
        .contains("length");
    assertThat(marker).doesNotExist();
  }

  /** A line of /proc/PID/limits: soft and hard value. */
  private static String limit(String name, long soft, long hard, String unit) {
    return "Max " + name + " +" + soft + " +" + hard + " +" + unit;
  }

  @Test
  void theLauncherStartsFromAStateDirectoryMountedNoexec() throws Exception {
    // Debian and Ubuntu mount /run noexec; root's state directory is /run/bulwark.
    assumeTrue(HostUser.isRoot(), "mounting a tmpfs needs root");
    Path mount = Files.createDirectory(dir.resolve("noexec"));
    runToSuccess("/bin/mount", "-t", "tmpfs", "-o", "noexec,size=4m", "tmpfs", mount.toString());
    try {
      Path copy = mount.resolve("copy");
      Files.copy(launcher(), copy);
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r-x------"));
      assertThatThrownBy(() -> start(List.of(copy.toString())))
          .as("a copy on this mount cannot run")
          .hasMessageContaining("Permission denied");

      Path link = LauncherImage.link(mount.resolve(LauncherImage.RESOURCE));
      // It runs: it is the launcher that refuses an empty record.
      assertThat(refused(start(List.of(link.toString())), new byte[0])).contains("ended early");
    } finally {
      runToSuccess("/bin/umount", mount.toString());
    }
  }

  private static void runToSuccess(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
  }

  /** Sends a record that must be refused: exit status 126; returns what it said on stderr. */
  private String refused(byte[] record) throws Exception {
    return refused(start(), record);
  }

  private static String refused(Process p, byte[] record) throws Exception {
    send(p, record);
    p.getOutputStream().close();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(stderr).isEqualTo(126);
    assertThat(stderr).startsWith("bulwark-launch: ");
    return stderr;
  }
}
