package dev.bulwark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine runs its executions through whatever tier implements the backend SPI: here a test-only
 * tier of plain processes ({@link ProcessTier}). The lifecycle, the validation layer, the warm
 * pools and the classification are the engine's, the same for every tier.
 */
class TierSeamTest {
  private static final Limits LIMITS = Profiles.LAMBDA.withWallTimeout(Duration.ofSeconds(2));
  private static final ProcessTier tier = new ProcessTier();
  private static Engine engine;

  @BeforeAll
  static void start() {
    EngineConfig config =
        EngineConfig.defaults().withWarmPools(List.of(new WarmPoolSpec("python", "lambda", 1)));
    engine = Engine.start(config, tier);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void aProgramRunsToOkThroughAnotherTier() {
    ExecutionResult r = run("print(6 * 7)");
    assertThat(r.status()).as(r.reason()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("42\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aFailingProgramIsErrorWithItsTraceback() {
    ExecutionResult r = run("raise ValueError('boom')");
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.stderr()).contains("ValueError: boom");
  }

  @Test
  void theEnginesWallClockStopsAProgramInAnyTier() {
    ExecutionResult r = run("import time\nwhile True: time.sleep(0.05)");
    assertThat(r.status()).isEqualTo(Status.TIMEOUT);
    assertThat(r.wallMs()).isGreaterThanOrEqualTo(LIMITS.wallTimeout().toMillis());
  }

  @Test
  void aDeniedProgramReachesTheTierButNeverRuns(@TempDir Path dir) {
    Path marker = dir.resolve("ran");
    int handedOff = tier.handedOff.get();
    ExecutionResult r =
        engine.execute(
            new Job(
                "python",
                "open('" + marker + "', 'w').write('x')\nimport os\nos.system('id')\n",
                LIMITS,
                new byte[0],
                Policies.builtIn("strict")));
    assertThat(r.status()).isEqualTo(Status.POLICY_DENIED);
    assertThat(r.findings()).isNotEmpty();
    assertThat(tier.handedOff.get())
        .as("the runner parsed it in the tier")
        .isGreaterThan(handedOff);
    assertThat(marker).as("nothing of the program ran").doesNotExist();
  }

  @Test
  void warmPoolsKeepSandboxesOfTheEnginesTier() {
    await().atMost(Duration.ofSeconds(20)).until(() -> engine.warmPools().getFirst().idle() == 1);
    long hits = engine.warmPools().getFirst().hits();
    assertThat(run("print('warm')").stdout()).isEqualTo("warm\n");
    assertThat(engine.warmPools().getFirst().hits()).isEqualTo(hits + 1);
  }

  @Test
  void theTiersWarningsAreTheEngines() {
    assertThat(engine.warnings()).containsExactly("TEST ONLY: programs run unisolated");
  }

  private static ExecutionResult run(String code) {
    return engine.execute(new Job("python", code, LIMITS, new byte[0], Policies.builtIn("audit")));
  }
}
