package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Execution;
import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.Profiles;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Status;
import dev.bulwark.model.TierDescription;
import dev.bulwark.policy.Policies;
import java.time.Duration;

/** One engine for the whole test JVM, started on first use, with short default limits. */
final class TestEngine {
  /** Generous for benign work, short enough that a stuck test fails fast. */
  static final Limits LIMITS =
      Profiles.DEFAULT.withWallTimeout(Duration.ofSeconds(20)).withMemoryBytes(512L << 20);

  private static Engine engine;

  private TestEngine() {}

  static synchronized Engine get() {
    if (engine == null) {
      engine = Engine.start(EngineConfig.defaults());
      Runtime.getRuntime().addShutdownHook(new Thread(TestEngine::shutdown));
    }
    return engine;
  }

  /** Closes the shared engine (its staged launchers, background removals) if it was started. */
  static synchronized void shutdown() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  static EngineConfig config() {
    return EngineConfig.defaults();
  }

  static ExecutionResult run(String language, String code) {
    return run(language, code, LIMITS);
  }

  /**
   * Runs under the {@code audit} policy, which denies nothing: these tests judge the sandbox alone,
   * so the validation layer must not stop an attack before the sandbox sees it.
   */
  static ExecutionResult run(String language, String code, Limits limits) {
    return run(Isolation.BUBBLEWRAP, language, code, limits);
  }

  static ExecutionResult run(Isolation tier, String language, String code) {
    return run(tier, language, code, LIMITS);
  }

  /** As {@link #run(String, String, Limits)}, in {@code tier}; skipped where it cannot run. */
  static ExecutionResult run(Isolation tier, String language, String code, Limits limits) {
    return get().execute(job(tier, language, code, limits));
  }

  /** A job of the audit policy in {@code tier}; skips the test where the tier cannot run. */
  static Job job(Isolation tier, String language, String code, Limits limits) {
    assumeAvailable(tier);
    return new Job(language, code, limits, new byte[0], Policies.builtIn("audit"))
        .withIsolation(tier);
  }

  /** Skips the test, saying why, when {@code tier} cannot run on this host. */
  static void assumeAvailable(Isolation tier) {
    TierDescription t =
        get().describeIsolation().stream()
            .filter(d -> d.name().equals(tier.tierName()))
            .findFirst()
            .orElseThrow();
    assumeTrue(t.available(), () -> tier + " cannot run on this host: " + t.problem());
  }

  /**
   * Runs {@code probe} while a gVisor sandbox of the shared engine sleeps as {@code marker}, once
   * runsc's sandbox and gofer are up; skipped where gVisor cannot run.
   */
  static void whileGvisorSleeps(String marker, Runnable probe) {
    Execution sleeper =
        get().submit(job(Isolation.GVISOR, "bash", "exec -a " + marker + " sleep 30", LIMITS));
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() ->
              !HostProbe.descendantsWithCmdline("runsc-sandbox").isEmpty()
                  && !HostProbe.descendantsWithCmdline("runsc-gofer").isEmpty());
      probe.run();
    } finally {
      sleeper.cancel();
    }
    assertThat(sleeper.result().join().status()).isEqualTo(Status.CANCELLED);
  }
}
