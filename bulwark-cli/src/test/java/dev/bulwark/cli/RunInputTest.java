package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.BulwarkProcess.Finished;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code bulwark run} reads: the program (within its cap) and the program's stdin. */
class RunInputTest {
  @TempDir Path dir;

  private Path program(String name, String code) throws Exception {
    return Files.writeString(dir.resolve(name), code);
  }

  private Path doubler() throws Exception {
    return program("double.py", "print(int(input()) * 2)\n");
  }

  @Test
  void pipedInputReachesTheProgramsStdin() throws Exception {
    Finished f = BulwarkProcess.run(List.of("run", doubler().toString()), bytes("5\n"));
    assertThat(f.exitCode()).as(f.describe()).isZero();
    assertThat(f.out()).isEqualTo("10\n");
  }

  @Test
  void stdinFlagTakesAFileOrThisCommandsStdin() throws Exception {
    Path five = Files.writeString(dir.resolve("five.txt"), "5\n");
    Finished file =
        BulwarkProcess.run(
            List.of("run", "--stdin", five.toString(), doubler().toString()), bytes("7\n"));
    assertThat(file.out()).as(file.describe()).isEqualTo("10\n");
    Finished dash =
        BulwarkProcess.run(List.of("run", "--stdin", "-", doubler().toString()), bytes("21\n"));
    assertThat(dash.out()).as(dash.describe()).isEqualTo("42\n");
    Finished missing =
        BulwarkProcess.run(
            "run", "--stdin", dir.resolve("none.txt").toString(), doubler().toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("none.txt: no such file");
  }

  @Test
  void aProgramFromStdinCannotShareItWithItsInput() throws Exception {
    Finished f =
        BulwarkProcess.run(
            List.of("run", "--lang", "python", "--stdin", "-", "-"), bytes("print(1)\n"));
    assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(f.err()).contains("cannot share it");
    Finished program =
        BulwarkProcess.run(
            List.of("run", "--lang", "python", "-"),
            bytes("import sys\nprint(len(sys.stdin.read()))\n"));
    assertThat(program.out()).as("the program, not its input").isEqualTo("0\n");
  }

  @Test
  void inputOverTheCapIsRefusedWithExitTwoBeforeAnythingRuns() throws Exception {
    byte[] big = new byte[(int) InputOptions.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 'x');
    Finished f = BulwarkProcess.run(List.of("run", doubler().toString()), big);
    assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(f.err())
        .isEqualTo("bulwark: the piped input is over 8m, the most a program's stdin may hold\n");
    assertThat(f.out()).isEmpty();
  }

  @Test
  void aTerminalIsNotReadAsInput() throws Exception {
    Path reader = program("reader.py", "import sys\nprint('read', repr(sys.stdin.read()))\n");
    Process p = BulwarkProcess.inTerminal(List.of("run", reader.toString()));
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bulwark waits for no keyboard").isTrue();
      String terminal = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(terminal).contains("read ''");
      assertThat(p.exitValue()).as(terminal).isZero();
    } finally {
      BulwarkProcess.stop(p);
    }
  }

  @Test
  void aProgramOverTheSourceCapIsRefusedWithExitTwoAndTheFlagRaisesIt() throws Exception {
    String oneMibAndOne = "#" + "x".repeat(1 << 20) + "\nprint('ran')\n";
    Path big = program("big.py", oneMibAndOne.substring(0, (1 << 20) + 1));
    Finished refused = BulwarkProcess.run("run", big.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err())
        .isEqualTo(
            "bulwark: "
                + big
                + ": the code exceeds the source cap of 1m (--max-source raises it)\n");
    Path bigger = program("bigger.py", oneMibAndOne);
    Finished raised = BulwarkProcess.run("run", "--max-source", "2m", bigger.toString());
    assertThat(raised.out()).as(raised.describe()).isEqualTo("ran\n");

    ByteArrayOutputStream fifty = new ByteArrayOutputStream();
    fifty.write(bytes("#"));
    fifty.write(new byte[50 << 20]);
    Finished fromStdin =
        BulwarkProcess.run(List.of("check", "--lang", "python", "-"), fifty.toByteArray());
    assertThat(fromStdin.exitCode()).as("read no further than the cap").isEqualTo(ExitCode.USAGE);
    assertThat(fromStdin.err()).contains("<stdin>: the code exceeds the source cap of 1m");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
