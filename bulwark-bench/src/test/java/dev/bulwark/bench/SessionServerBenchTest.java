package dev.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short run of the sessions' HTTP benchmark against a real server: every figure is printed. */
class SessionServerBenchTest {
  @Test
  void aShortRunPrintsEveryFigure(@TempDir Path data) throws Exception {
    StringWriter text = new StringWriter();
    try (TestServer server = TestServer.start(data)) {
      SessionServerBench.run(
          new SessionServerBench.Settings(
              server.uri().toString().replaceAll("/$", ""), server.key(), 10, 100),
          new PrintWriter(text));
    }
    assertThat(text.toString())
        .contains("POST /v1/sessions (no session pool: cold)")
        .contains("POST /v1/sessions/{id}/executions")
        .contains("the cell beyond the loopback round trip")
        .contains("one-shot print(1)");
  }
}
