package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark doctor} where it finds problems: started as an unprivileged user (uid 65534), as a
 * new user trying it without root would, it must name a fix for every FAIL and WARN.
 */
class DoctorTest {
  private static final int NOBODY = 65534;

  @TempDir Path dir;

  @Test
  void everyProblemComesWithItsFix() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "starting the doctor as another user needs root and setpriv");
    String classPath = readableCopyOfTheClassPath();
    List<String> problems = new ArrayList<>();
    for (List<String> flags : List.of(List.<String>of(), List.of("--degraded"))) {
      Path state = Files.createDirectories(dir.resolve("state" + flags.size()));
      Files.setAttribute(state, "unix:uid", NOBODY);
      List<String> args = new ArrayList<>(List.of("doctor", "--state-dir", state.toString()));
      args.addAll(flags);
      List<String> lines = asNobody(classPath, args);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("FAIL") || line.startsWith("WARN")) {
          problems.add(line);
          assertThat(i + 1 < lines.size() ? lines.get(i + 1).strip() : "")
              .as("the fix of: %s", line)
              .startsWith("fix: ")
              .hasSizeGreaterThan("fix: ".length() + 10);
        }
      }
    }
    assertThat(problems)
        .as("an unprivileged user has problems to fix")
        .anyMatch(p -> p.startsWith("FAIL"))
        .anyMatch(p -> p.startsWith("WARN"));
  }

  /** The doctor's stdout, run as uid 65534 with this test's classpath. */
  private List<String> asNobody(String classPath, List<String> args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                "env",
                "HOME=" + dir,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classPath,
                Main.class.getName()));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as("the doctor ran").contains("bubblewrap");
    return out.lines().toList();
  }

  /**
   * The classpath, copied where uid 65534 can read it: the build's repository is in root's home.
   */
  private String readableCopyOfTheClassPath() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> copies = new ArrayList<>();
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    for (int i = 0; i < entries.length; i++) {
      Path from = Path.of(entries[i]);
      if (!Files.exists(from)) {
        continue;
      }
      Path to = dir.resolve("cp").resolve(i + "-" + from.getFileName());
      copy(from, to);
      copies.add(to.toString());
    }
    return String.join(File.pathSeparator, copies);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    if (!Files.isDirectory(from)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path p : tree.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try (Stream<Path> tree = Files.walk(to)) {
      for (Path p : tree.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
