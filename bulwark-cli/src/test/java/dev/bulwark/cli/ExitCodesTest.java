package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.BulwarkProcess.Finished;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes (0 ok, 1 the program failed, 2 usage or input, 3 engine or environment) and the
 * one line that explains a failure, from the real {@code bulwark} process: never a stack trace.
 */
class ExitCodesTest {
  @TempDir Path dir;

  private Path hello() throws Exception {
    return Files.writeString(dir.resolve("hello.py"), "print('hello')\n");
  }

  @Test
  void helpDocumentsTheExitCodes() throws Exception {
    for (String[] help : new String[][] {{"--help"}, {"run", "--help"}}) {
      Finished f = BulwarkProcess.run(help);
      assertThat(f.exitCode()).isZero();
      assertThat(f.out())
          .contains("Exit codes:")
          .containsPattern("\\n  1 +the program failed")
          .containsPattern("\\n  2 +usage or input")
          .containsPattern("\\n  3 +engine or environment");
    }
  }

  @Test
  void aDurationWithoutItsUnitIsUsageThatSaysHowToWriteIt() throws Exception {
    Finished f = BulwarkProcess.run("run", "--timeout", "5", hello().toString());
    assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(f.err())
        .isEqualTo(
            "bulwark: Invalid value for option '--timeout': '5' has no unit: write 5s for seconds"
                + " (or ms, m, h, d: e.g. 500ms, 30s, 2m)\n"
                + "Try 'bulwark run --help' for more.\n");
    assertThat(BulwarkProcess.run("run", "--memory", "1 g", hello().toString()).err())
        .contains("'1 g' is not a size");
    Finished ok =
        BulwarkProcess.run("run", "--timeout", "5s", "--memory", "1g", hello().toString());
    assertThat(ok.out()).as(ok.describe()).isEqualTo("hello\n");
  }

  @Test
  void theConfigurationFileReadsTheSameGrammar() throws Exception {
    Path config =
        Files.writeString(dir.resolve("bulwark.yaml"), "server:\n  queueTimeout: \"5\"\n");
    Finished f = BulwarkProcess.run("config", "show", "--config", config.toString());
    assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(f.err()).contains("server.queueTimeout").contains("write 5s");
  }

  @Test
  void anUnknownFlagIsOneLineWithWhereToReadMoreNotTheWholeUsage() throws Exception {
    Finished f = BulwarkProcess.run("run", "--no-such-flag", hello().toString());
    assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(f.err()).startsWith("bulwark: Unknown option: '--no-such-flag'");
    assertThat(f.err()).endsWith("Try 'bulwark run --help' for more.\n");
    assertThat(f.err().lines()).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void anUnreachableModelIsOneLineNamingTheUrlAndTheCauseAndExitThree() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/v1";
    Finished f = BulwarkProcess.run("agent", "--base-url", url, "--model", "any", "Say hello.");
    assertThat(f.err())
        .isEqualTo("bulwark: cannot reach the model at " + url + ": connection refused\n");
    assertThat(f.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(f.out()).isEmpty();
  }

  @Test
  void anUnreachableServerIsTheEnvironmentsProblemInOneLine() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/";
    Finished f =
        BulwarkProcess.run(
            "agent", "--base-url", url + "v1", "--server", url, "--key", "k", "Say hello.");
    assertThat(f.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(f.err()).startsWith("bulwark: --server " + url + ": cannot reach");
    assertThat(f.err().lines()).hasSize(1);
  }

  /** A port nothing listens on: free once its socket closed. */
  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void anEngineThatCannotStartIsTheEnvironmentsProblemWithoutAStackTrace() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("state"), "");
    Finished f =
        BulwarkProcess.run("run", "--state-dir", notADirectory.toString(), hello().toString());
    assertThat(f.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(f.err())
        .startsWith("bulwark: ")
        .contains(notADirectory.toString())
        .doesNotContain("\tat ", "Exception");
  }

  @Test
  void aFailedProgramIsOneAndItsOwnExitCodeIsOnStderr() throws Exception {
    Path fails = Files.writeString(dir.resolve("fails.sh"), "echo out; exit 7\n");
    Finished f = BulwarkProcess.run("run", fails.toString());
    assertThat(f.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(f.out()).isEqualTo("out\n");
    assertThat(f.err()).isEqualTo("bulwark: ERROR: exited with code 7\n");
  }
}
