package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code ./bulwark} commands, run as written (by bash, in a directory holding the
 * files they name), so that the README cannot drift from the command line. Left out: {@code serve}
 * (it runs until stopped; {@code BulwarkProcess.serve} starts it in other tests) and {@code agent}
 * (it needs a model; {@code AgentCommandTest} runs it against a scripted one).
 */
class ReadmeCommandsTest {
  private static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();

  @TempDir Path dir;

  /** Every {@code ./bulwark} line of the README's {@code sh} blocks, comments cut. */
  static List<String> commands() throws Exception {
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(README)) {
      if (line.startsWith("```")) {
        inBlock = line.equals("```sh");
        continue;
      }
      if (inBlock && line.contains("./bulwark ")) {
        commands.add(line.replaceFirst("\\s+#.*$", "").strip());
      }
    }
    return commands;
  }

  @Test
  void everyCommandRunsAsWritten() throws Exception {
    fixtures();
    List<String> ran = new ArrayList<>();
    String keyId = null;
    for (String command : commands()) {
      if (command.contains("./bulwark serve") || command.contains("./bulwark agent")) {
        continue;
      }
      String line = keyId == null ? command : command.replace(" ID", " " + keyId);
      Ran r = bash(line);
      assertThat(r.exit()).as("%s: %s", line, r.err()).isIn(ExitCode.OK, ExitCode.FAILED);
      assertThat(r.err()).as(line).doesNotContain("Invalid value", "Unknown option", "\tat ");
      if (command.contains("keys create") && command.contains("--json")) {
        keyId = Json.mapper().readTree(r.out()).get("id").asString();
      }
      ran.add(line);
    }
    assertThat(ran)
        .as("the commands of Running code, Validating code, Settings, Tenants and the quick start")
        .hasSizeGreaterThanOrEqualTo(20)
        .anySatisfy(c -> assertThat(c).startsWith("echo 5 | ./bulwark run double.py"))
        .anySatisfy(c -> assertThat(c).startsWith("./bulwark tenants delete acme"));
    assertThat(bash("echo 5 | ./bulwark run double.py").out()).isEqualTo("10\n");
    assertThat(bash("./bulwark run --stdin numbers.txt double.py").out()).isEqualTo("42\n");
  }

  private record Ran(int exit, String out, String err) {}

  /** One README line, by bash, where {@code ./bulwark} is this build's command. */
  private Ran bash(String line) throws Exception {
    Process p =
        new ProcessBuilder("bash", "-c", line)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(line).isTrue();
    return new Ran(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
  }

  /** The files the README's commands name, the command itself, and a data directory of its own. */
  private void fixtures() throws Exception {
    Files.writeString(dir.resolve("task.py"), "print(6 * 7)\n");
    Files.writeString(dir.resolve("double.py"), "print(int(input()) * 2)\n");
    Files.writeString(dir.resolve("numbers.txt"), "21\n");
    Files.createDirectories(dir.resolve("examples"));
    Files.copy(README.resolveSibling("examples/hello.py"), dir.resolve("examples/hello.py"));
    String command =
        String.join(
            " ",
            BulwarkProcess.command(List.of()).stream().map(ReadmeCommandsTest::quoted).toList());
    Path bulwark =
        Files.writeString(
            dir.resolve("bulwark"),
            "#!/bin/sh\nBULWARK_HOME='" + dir.resolve("data") + "' exec " + command + " \"$@\"\n");
    Files.setPosixFilePermissions(bulwark, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String quoted(String arg) {
    Matcher plain = Pattern.compile("[A-Za-z0-9_./=:,-]+").matcher(arg);
    return plain.matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
