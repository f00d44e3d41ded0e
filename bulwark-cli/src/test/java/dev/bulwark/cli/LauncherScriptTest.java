package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's {@code ./bulwark} command on a host it cannot run on, as a new user meets it. */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("..", "bulwark").toAbsolutePath().normalize();

  @Test
  void withoutAJdk25ItStopsAtOnceWithOneLineThatSaysWhatToInstall(@TempDir Path jvms)
      throws Exception {
    Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    if (Files.isDirectory(java17)) {
      Files.createSymbolicLink(jvms.resolve("java-17-openjdk-amd64"), java17);
    }
    ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "--version");
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("BULWARK_JVM_DIR", jvms.toString());
    Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isEqualTo(3);
    assertThat(err.lines()).as(err).hasSize(1);
    assertThat(err).contains("needs a JDK 25 or newer").contains("install Temurin 25");
  }
}
