package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The command line as a user meets it: real engine, real sandboxes, exit codes as documented. */
class MainTest {
  @TempDir Path dir;

  record Outcome(int exitCode, String out, String err) {}

  private static Outcome bulwark(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter(), err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private Path program(String name, String code) throws Exception {
    return Files.writeString(dir.resolve(name), code);
  }

  @Test
  void versionAndHelpWork() {
    Outcome version = bulwark("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("bulwark 0.");
    Outcome help = bulwark("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("run", "doctor", "bench", "profiles");
  }

  @Test
  void jsonRunPrintsExactlyOneResultObject() throws Exception {
    Outcome o = bulwark("run", "--json", program("task.py", "print(6 * 7)").toString());
    assertThat(o.exitCode()).isZero();
    JsonNode result = Json.mapper().readTree(o.out());
    assertThat(o.out().strip().lines()).hasSize(1);
    assertThat(result.get("status").asString()).isEqualTo("OK");
    assertThat(result.get("stdout").asString()).isEqualTo("42\n");
    assertThat(result.get("runtime").get("name").asString()).isEqualTo("python");
    for (String field :
        new String[] {
          "exitCode",
          "signal",
          "stderr",
          "stdoutTruncated",
          "stderrTruncated",
          "wallMs",
          "cpuMs",
          "peakMemoryBytes",
          "findings",
          "reason"
        }) {
      assertThat(result.has(field)).as(field).isTrue();
    }
  }

  @Test
  void plainRunPassesOutputThroughWithTheProgramsExitCode() throws Exception {
    Outcome o = bulwark("run", program("fail.sh", "echo out; echo err >&2; exit 3").toString());
    assertThat(o.exitCode()).isEqualTo(3);
    assertThat(o.out()).isEqualTo("out\n");
    assertThat(o.err()).startsWith("err\n").contains("bulwark: ERROR: exited with code 3");
  }

  @Test
  void aLimitStatusIsExplainedOnStderr() throws Exception {
    Outcome o = bulwark("run", "--timeout", "1s", program("spin.js", "for(;;){}").toString());
    assertThat(o.exitCode()).isNotZero();
    assertThat(o.err()).contains("bulwark: TIMEOUT: wall-clock timeout of 1s reached");
  }

  @Test
  void badUsageExitsWithTwoAndNamesTheProblem() throws Exception {
    Path task = program("task.py", "print(1)");
    assertThat(bulwark("run", "--memory", "lots", task.toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("--memory").contains("512m");
        });
    assertThat(bulwark("run", "--timeout", "forever", task.toString()).err()).contains("--timeout");
    assertThat(bulwark("run", "--profile", "huge", task.toString()).err())
        .contains("default, lambda, strict");
    assertThat(bulwark("run", program("notes.txt", "x").toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("--lang");
        });
    assertThat(bulwark("run", "--lang", "cobol", task.toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("python, javascript, bash");
        });
    assertThat(bulwark("run", dir.resolve("missing.py").toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("no such file");
        });
    assertThat(bulwark("run", "--no-such-flag", task.toString()).exitCode()).isEqualTo(2);
    assertThat(bulwark("run", "--pids", "many", task.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void profilesListsThePresets() {
    Outcome o = bulwark("profiles");
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).contains("default", "2g", "lambda", "128m", "strict", "256m");
  }

  @Test
  void doctorPassesOnThisHost() {
    Outcome o = bulwark("doctor");
    assertThat(o.out())
        .contains("bubblewrap", "cgroups", "seccomp", "payload uid", "runtime python", "sandbox");
    assertThat(o.exitCode()).as(o.out()).isZero();
  }
}
