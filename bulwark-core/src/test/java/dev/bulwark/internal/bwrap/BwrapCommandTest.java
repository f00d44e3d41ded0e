package dev.bulwark.internal.bwrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.Profiles;
import dev.bulwark.internal.layout.SandboxProgram;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BwrapCommandTest {
  private final RuntimeDescriptor python = Runtimes.builtIn().find("python").orElseThrow();
  private final BwrapCommand.StaticFiles files =
      new BwrapCommand.StaticFiles(
          Path.of("/state/etc"), Path.of("/state/empty"), Path.of("/state/runners"));

  @Test
  void theRecipeHasEveryNamespaceAndNoWayBack() {
    List<String> args =
        BwrapCommand.bwrapArgs(
            new SandboxSpec(python, Profiles.STRICT),
            files,
            Path.of("/state/run1/code"),
            SandboxProgram.Start.PLAIN);
    assertThat(args)
        .contains("--unshare-all", "--unshare-user", "--disable-userns", "--new-session")
        .contains("--die-with-parent", "--clearenv")
        .containsSubsequence("--cap-drop", "ALL")
        .containsSubsequence("--ro-bind", "/state/etc", "/etc")
        .containsSubsequence("--remount-ro", "/")
        .containsSubsequence("--add-seccomp-fd", "3", "--add-seccomp-fd", "4")
        .containsSubsequence("--ro-bind", "/state/run1/code", "/run/bulwark")
        .doesNotContain("--ro-bind-data", "--bind");
    assertThat(args.subList(args.indexOf("--") + 1, args.size()))
        .containsExactly(
            "/usr/bin/python3",
            "-I",
            "-S",
            "-X",
            "utf8",
            "-u",
            "/run/bulwark/python-runner.pyc",
            "/run/bulwark/main.py");
  }

  @Test
  void everyWritableMountIsSizeCapped() {
    List<String> args =
        BwrapCommand.bwrapArgs(
            new SandboxSpec(python, Profiles.STRICT),
            files,
            Path.of("/state/run1/code"),
            SandboxProgram.Start.PLAIN);
    String size = Long.toString(Profiles.STRICT.tmpfsBytes());
    for (String dir : List.of("/tmp", "/dev/shm", "/work")) {
      int at = args.indexOf(dir);
      assertThat(args.subList(at - 5, at))
          .containsExactly("--size", size, "--perms", "1777", "--tmpfs");
    }
  }

  @Test
  void theLaunchRecordIsItsLengthThenNulTerminatedFields() {
    byte[] record =
        BwrapCommand.launchRecord(
                Profiles.STRICT,
                OptionalLong.of(2_000_000_007L),
                Path.of("/a.bpf"),
                Path.of("/g.bpf"),
                Path.of("/run dir/s.json"),
                List.of("/usr/bin/bwrap", "--setenv", "X", "it's\nmultiline"))
            .bytes();
    String text = new String(record, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    String body = text.substring(newline + 1);
    assertThat(Integer.parseInt(text.substring(0, newline))).isEqualTo(record.length - newline - 1);
    assertThat(body)
        .isEqualTo(
            String.join(
                    "\0",
                    "10",
                    "11",
                    Long.toString(Profiles.STRICT.fileSizeBytes()),
                    Integer.toString(Profiles.STRICT.openFiles()),
                    "2000000007",
                    "/a.bpf",
                    "/g.bpf",
                    "/run dir/s.json",
                    "/usr/bin/bwrap",
                    "--setenv",
                    "X",
                    "it's\nmultiline")
                + "\0");
  }

  @Test
  void withoutAUidToDropTheRecordSaysSo() {
    byte[] record = recordWithoutUid(List.of("/usr/bin/bwrap"));
    assertThat(new String(record, StandardCharsets.UTF_8).split("\0")[4]).isEqualTo("-");
  }

  @Test
  void aNulCannotSplitAnArgumentInTwo() {
    assertThatThrownBy(() -> recordWithoutUid(List.of("/usr/bin/bwrap", "--chdir", "/work\0/etc")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] recordWithoutUid(List<String> command) {
    return BwrapCommand.launchRecord(
            Profiles.STRICT,
            OptionalLong.empty(),
            Path.of("/a.bpf"),
            Path.of("/g.bpf"),
            Path.of("/s.json"),
            command)
        .bytes();
  }
}
