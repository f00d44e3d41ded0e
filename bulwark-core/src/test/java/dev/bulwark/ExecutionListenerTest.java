package dev.bulwark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The observer API of one execution, on real sandboxes: its events come in the lifecycle's order,
 * the result comes exactly once, and the handle a listener gets first cancels the run.
 */
class ExecutionListenerTest {
  private static Engine engine;

  @BeforeAll
  static void start() {
    engine = Engine.start(EngineConfig.defaults());
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void eventsComeInTheLifecyclesOrderAndTheResultExactlyOnce() {
    List<String> events = new CopyOnWriteArrayList<>();
    ExecutionListener recording =
        new ExecutionListener() {
          @Override
          public void started(Execution execution) {
            events.add("started");
          }

          @Override
          public void decided(List<Finding> findings) {
            events.add("decided");
          }

          @Override
          public void output(Stream stream, byte[] chunk) {
            // Chunks fall where the pipe's reads do (the runner writes unbuffered, so "out" and
            // its newline may come apart): one event per stretch of the same stream.
            String text = new String(chunk, StandardCharsets.UTF_8);
            int last = events.size() - 1;
            if (last >= 0 && events.get(last).startsWith(stream + ":")) {
              events.set(last, events.get(last) + text);
            } else {
              events.add(stream + ":" + text);
            }
          }

          @Override
          public void completed(ExecutionResult result) {
            events.add("completed:" + result.status());
          }
        };
    ExecutionResult r =
        engine.execute(
            new Job("python", "print('out')", Profiles.STRICT, new byte[0], Policies.standard()),
            recording);
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(events).containsExactly("started", "decided", "STDOUT:out\n", "completed:OK");
  }

  @Test
  void aDeniedProgramIsNeverDecidedToRunButStillCompletes() {
    List<String> events = new CopyOnWriteArrayList<>();
    ExecutionListener recording =
        new ExecutionListener() {
          @Override
          public void decided(List<Finding> findings) {
            events.add("decided");
          }

          @Override
          public void completed(ExecutionResult result) {
            events.add("completed:" + result.status());
          }
        };
    engine.execute(
        new Job(
            "python",
            "leak = ().__class__.__base__.__subclasses__()",
            Profiles.STRICT,
            new byte[0],
            Policies.standard()),
        recording);
    assertThat(events).containsExactly("completed:POLICY_DENIED");
  }

  @Test
  void theHandleAListenerGetsFirstCancelsTheRun() {
    ExecutionListener cancelsOnFirstOutput =
        new ExecutionListener() {
          private volatile Execution execution;

          @Override
          public void started(Execution running) {
            execution = running;
          }

          @Override
          public void output(Stream stream, byte[] chunk) {
            execution.cancel(); // as a streaming client that went away
          }
        };
    ExecutionResult r =
        engine.execute(
            new Job(
                "python",
                "import time\nprint('tick', flush=True)\ntime.sleep(30)",
                Profiles.STRICT,
                new byte[0],
                Policies.builtIn("audit")),
            cancelsOnFirstOutput);
    assertThat(r.status()).isEqualTo(Status.CANCELLED);
  }
}
