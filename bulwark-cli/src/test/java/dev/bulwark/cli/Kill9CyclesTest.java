package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of {@code scripts/kill9-cycles}, the driver of docs/reliability.md's kill -9 figures:
 * two cycles of a busy server killed with SIGKILL lose no record, leave none open and no cgroup.
 */
class Kill9CyclesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void twoKillNineCyclesLoseNoRecordAndLeaveNothingOpen() throws Exception {
    String command =
        BulwarkProcess.command(List.of()).stream()
            .map(arg -> "'" + arg.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" "));
    Path bulwark =
        Files.writeString(dir.resolve("bulwark"), "#!/bin/sh\nexec " + command + " \"$@\"\n");
    Files.setPosixFilePermissions(bulwark, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder pb =
        new ProcessBuilder(ROOT.resolve("scripts/kill9-cycles").toString(), "2")
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("BULWARK", bulwark.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(p.exitValue()).as(out + err).isZero();
    assertThat(out.strip())
        .matches(
            "kill -9: 2 cycles, \\d+ records \\(\\d+ answered, \\d+ ended as interrupted\\), 0 lost,"
                + " 0 left open, 0 cgroups left");
  }
}
