package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Engine;
import dev.bulwark.Engines;
import dev.bulwark.Execution;
import dev.bulwark.Job;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import dev.bulwark.spi.SandboxUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine's own failures are SANDBOX_ERROR or a refusal to start, never the program's fault. */
class EngineFailureTest {
  @Test
  void aSandboxThatCannotBeBuiltIsSandboxError() {
    // /usr/bin/false stands in for a bwrap that fails before the sandbox exists.
    try (Engine engine = Engine.start(TestEngine.config().withBwrap(Path.of("/usr/bin/false")))) {
      ExecutionResult r = engine.execute(new Job("python", "print(1)", TestEngine.LIMITS));
      assertThat(r.status()).isEqualTo(Status.SANDBOX_ERROR);
      assertThat(r.reason()).as(r.toString()).startsWith("sandbox setup failed");
      assertThat(r.stdout()).isEmpty();
    }
  }

  @Test
  void aSummaryTheHostCannotReadIsSandboxErrorAndNothingRuns() {
    try (Engine engine = Engine.start(TestEngine.config())) {
      ExecutionResult r =
          Engines.run(
              engine,
              new Job("python", "print('ran')", TestEngine.LIMITS),
              summary -> {
                throw new IllegalArgumentException("malformed summary");
              });
      assertThat(r.status()).isEqualTo(Status.SANDBOX_ERROR);
      assertThat(r.reason()).contains("refused").contains("malformed summary");
      assertThat(r.stdout()).isEmpty();
    }
  }

  @Test
  void closingTheEngineCancelsRunsInFlightAndLeavesNothing() {
    String marker = "bulwark-closing-" + UUID.randomUUID();
    Engine engine = Engine.start(TestEngine.config());
    Execution running =
        engine.submit(new Job("bash", "exec -a " + marker + " sleep 60", TestEngine.LIMITS));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !HostProbe.pidsWithCmdline(marker).isEmpty());
    engine.close();
    assertThat(running.result().join().status()).isEqualTo(Status.CANCELLED);
    assertThat(HostProbe.pidsWithCmdline(marker)).isEmpty();
    ExecutionResult late = engine.execute(new Job("bash", "true", TestEngine.LIMITS));
    assertThat(late.status()).isEqualTo(Status.SANDBOX_ERROR);
    assertThat(late.reason()).contains("closed");
  }

  @Test
  void aMissingBubblewrapStopsTheEngineWithTheFix() {
    assertThatThrownBy(
            () -> Engine.start(TestEngine.config().withBwrap(Path.of("/nonexistent/bwrap"))))
        .isInstanceOf(SandboxUnavailableException.class)
        .hasMessageContaining("apt-get install bubblewrap");
  }

  @Test
  void anUnknownLanguageIsTheCallersError() {
    assertThatThrownBy(() -> TestEngine.get().submit(new Job("cobol", "x", TestEngine.LIMITS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("python, javascript, bash");
  }

  @Test
  void aStagedLauncherKilledWhileIdleIsNeverUsed() {
    try (Engine engine = Engine.start(TestEngine.config().withStagedLaunchers(1))) {
      // Kill every idle launcher of this engine: waiting for its record, it is not bwrap yet (its
      // executable shows as /memfd:bulwark-launch, see LauncherImage).
      List<ProcessHandle> idle =
          ProcessHandle.current()
              .children()
              .filter(p -> p.info().command().orElse("").contains("bulwark-launch"))
              .toList();
      assertThat(idle).isNotEmpty();
      idle.forEach(ProcessHandle::destroyForcibly);
      idle.forEach(p -> p.onExit().join());
      ExecutionResult r = engine.execute(new Job("bash", "echo fresh", TestEngine.LIMITS));
      assertThat(r.status()).isEqualTo(Status.OK);
      assertThat(r.stdout()).isEqualTo("fresh\n");
    }
  }
}
