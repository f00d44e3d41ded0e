package dev.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.EngineConfig;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.api.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the sessions' HTTP benchmark against a real server with a session pool: every
 * figure is printed, and every open waited for the pool and took a pooled sandbox.
 */
class SessionServerBenchTest {
  @Test
  void aShortRunPrintsEveryFigure(@TempDir Path data) throws Exception {
    StringWriter text = new StringWriter();
    EngineConfig pooled =
        EngineConfig.defaults().withSessionPools(List.of(new WarmPoolSpec("python", "default", 1)));
    try (TestServer server = TestServer.start(data, pooled)) {
      SessionServerBench.run(
          new SessionServerBench.Settings(
              server.uri().toString().replaceAll("/$", ""), server.key(), 10, 100),
          new PrintWriter(text));
    }
    assertThat(text.toString())
        .contains("POST /v1/sessions (13 of 13 pooled)")
        .contains("POST /v1/sessions/{id}/executions")
        .contains("the cell beyond the loopback round trip")
        .contains("one-shot print(1)");
  }
}
