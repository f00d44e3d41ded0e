package dev.bulwark.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The runner's frame comes out of a sandbox: read with bounds, refused when malformed. */
class RunnerFrameTest {
  @Test
  void aFrameIsReadAndTheProgramsOutputFollowsUntouched() throws IOException {
    InputStream in = stream("\0BULWARK-SUMMARY 7\n{\"v\":1}program output");
    assertThat(new String(RunnerFrame.read(in), StandardCharsets.UTF_8)).isEqualTo("{\"v\":1}");
    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("program output");
  }

  @Test
  void aColdRunnersReadyLineIsPassedOverAndAWarmPoolReadsItAlone() throws IOException {
    InputStream cold = stream("\0BULWARK-READY\n\0BULWARK-SUMMARY 2\n{}out");
    assertThat(RunnerFrame.read(cold)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    InputStream warm = stream("\0BULWARK-READY\n\0BULWARK-SUMMARY 2\n{}");
    RunnerFrame.readReady(warm);
    assertThat(RunnerFrame.read(warm)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> RunnerFrame.readReady(stream("\0BULWARK-SUMMARY 2\n{}")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> RunnerFrame.read(stream("\0BULWARK-READY\n\0BULWARK-READY\n")))
        .as("one ready line, not a stream of them")
        .isInstanceOf(IOException.class);
  }

  @Test
  void theHostSaysCodeThenRun() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunnerFrame.sendCode(out);
    RunnerFrame.sendRun(out);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("code\nrun\n");
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad :
        new String[] {
          "",
          "hello\n",
          "\0BULWARK-SUMMARY x\n{}",
          "\0BULWARK-SUMMARY 10\n{}",
          "\0BULWARK-SUMMARY " + (RunnerFrame.MAX_BYTES + 1) + "\n",
          "A".repeat(10_000)
        }) {
      assertThatThrownBy(() -> RunnerFrame.read(stream(bad)))
          .as(bad.length() > 40 ? bad.substring(0, 40) : bad)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void theGoAheadIsOneLine() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunnerFrame.sendRun(out);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("run\n");
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSummaryOverTheCapIsTheProgramsSizeNotAFault() {
    assertThatThrownBy(() ->
            RunnerFrame.read(stream("\0BULWARK-SUMMARY " + (RunnerFrame.MAX_BYTES + 1) + "\n")))
        .isInstanceOf(RunnerFrame.TooLarge.class)
        .hasMessageContaining("too large to analyse");
  }
}
