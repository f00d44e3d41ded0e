package dev.bulwark.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Profiles;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.spi.SandboxSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxProgramTest {
  private final SandboxSpec bash =
      new SandboxSpec(Runtimes.builtIn().find("bash").orElseThrow(), Profiles.STRICT);
  private final SandboxSpec python =
      new SandboxSpec(Runtimes.builtIn().find("python").orElseThrow(), Profiles.STRICT);
  private final List<String> wrap =
      List.of(
          "/usr/bin/python3",
          "-I",
          "-S",
          "-X",
          "utf8",
          "/run/bulwark/bulwark_workspace.pyc",
          "wrap");

  @Test
  void aPlainBashJobStartsBashAlone() {
    assertThat(SandboxProgram.argv(bash, SandboxProgram.Start.PLAIN))
        .containsExactly("/usr/bin/bash", "--norc", "--noprofile", "/run/bulwark/main.sh");
  }

  @Test
  void aBashJobWithFilesRunsUnderTheWorkspaceStepAfterTheForwarder() {
    List<String> argv = SandboxProgram.argv(bash, new SandboxProgram.Start(true, true));
    assertThat(argv.getFirst()).isEqualTo("/bin/sh"); // the forwarder first, then exec "$@"
    assertThat(argv).containsSubsequence(wrap).endsWith("/run/bulwark/main.sh");
    assertThat(argv.indexOf("wrap")).isLessThan(argv.indexOf("/usr/bin/bash"));
  }

  @Test
  void aRunnerPlacesItsFilesItself() {
    assertThat(SandboxProgram.argv(python, new SandboxProgram.Start(true, true)))
        .doesNotContain("wrap", "/bin/sh")
        .startsWith("/usr/bin/python3", "-I", "-S", "-X", "utf8", "-u");
  }
}
