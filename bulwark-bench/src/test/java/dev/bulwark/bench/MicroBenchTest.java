package dev.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/**
 * The micro-benchmarks run, in this JVM and with tiny counts: a smoke run that proves they are
 * registered and work, not a measurement (that is {@code bulwark bench micro}).
 */
class MicroBenchTest {
  private static Collection<RunResult> smokeRun(String include, ByteArrayOutputStream log)
      throws Exception {
    return MicroBench.run(
        new MicroBench.Settings(include, 0, 0, 1, Duration.ofMillis(20)),
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @Test
  void theValidationRulesBenchmarkJudgesBothLanguages() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Collection<RunResult> results = smokeRun("ValidationRulesBenchmark.decodeAndJudge", log);
    assertThat(results)
        .as(log.toString(StandardCharsets.UTF_8))
        .extracting(r -> r.getParams().getParam("language"))
        .containsExactlyInAnyOrder("python", "javascript");
    assertThat(results).allMatch(r -> r.getPrimaryResult().getScore() > 0);
  }

  @Test
  void theStreamBenchmarksCaptureEachSizeAndReadTheSummaryFrame() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Collection<RunResult> results = smokeRun("OutputCaptureBenchmark|RunnerFrameBenchmark", log);
    assertThat(results)
        .as(log.toString(StandardCharsets.UTF_8))
        .extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""))
        .containsExactlyInAnyOrder("capture", "capture", "capture", "readSummaryFrame");
    assertThat(results).allMatch(r -> r.getPrimaryResult().getScore() > 0);
  }
}
