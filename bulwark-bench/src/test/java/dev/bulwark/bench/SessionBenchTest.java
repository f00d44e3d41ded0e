package dev.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.WarmPoolSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short run of the sessions' benchmark in process: every figure is printed, and every pooled open
 * took a waiting sandbox (the bench fails otherwise).
 */
class SessionBenchTest {
  @Test
  void aShortRunPrintsThePooledAndTheColdOpenAndEveryOtherFigure() throws Exception {
    StringWriter text = new StringWriter();
    EngineConfig config = EngineConfig.defaults();
    try (Engine engine = Engine.start(config);
        Engine pooled =
            Engine.start(
                config.withSessionPools(List.of(new WarmPoolSpec("python", "default", 1))))) {
      SessionBench.run(
          engine, pooled, new SessionBench.Settings(10, 100, 1), new PrintWriter(text));
      assertThat(pooled.sessionPools().getFirst().hits()).isEqualTo(13);
    }
    assertThat(text.toString())
        .contains("Engine.openSession, from the session pool")
        .contains("Engine.openSession, cold (no session pool)")
        .contains("bare python3 -c 'print(1)', paired")
        .contains("the cell beyond the round trip")
        .contains("1 idle python sessions open at once");
  }
}
