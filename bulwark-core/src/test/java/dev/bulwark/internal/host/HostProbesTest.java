package dev.bulwark.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostProbesTest {
  private static final String MAX_USERNS = "/proc/sys/user/max_user_namespaces";

  @Test
  void aSysctlIsReadWholeAsCatPrintsIt() throws Exception {
    assumeTrue(Files.exists(Path.of(MAX_USERNS)), "this kernel has no " + MAX_USERNS);
    Process cat = new ProcessBuilder("cat", MAX_USERNS).start();
    String expected =
        new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(cat.waitFor()).isZero();
    assumeTrue(expected.length() > 1, "a one-digit limit cannot tell a whole read from a cut one");

    assertThat(HostProbes.read(MAX_USERNS)).isEqualTo(expected);
  }
}
