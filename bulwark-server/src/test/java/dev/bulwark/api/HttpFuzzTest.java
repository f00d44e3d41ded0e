package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The HTTP API fuzzed with Jazzer (coverage-guided, through its JUnit integration): requests built
 * from the fuzzer's bytes ({@link FuzzedRequests}) sent by hand to a real server with real
 * sandboxes. No answer is a 5xx, none shows the server's insides, and the server answers after.
 *
 * <p>The default test run replays the kept inputs only (those under {@code HttpFuzzTestInputs});
 * the long run generates 10,000 requests: {@code ./mvnw -B -ntp -pl bulwark-server -am verify
 * -Pfuzz} (docs/reliability.md).
 */
class HttpFuzzTest {
  private static FuzzServer server;

  @BeforeAll
  static void start() {
    server = FuzzServer.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.finish("http");
  }

  @FuzzTest(maxExecutions = 10_000, maxDuration = "60m")
  void noRequestIsAnsweredWithA5xxOrTheServersInsides(FuzzedDataProvider in) throws IOException {
    byte[] request = FuzzedRequests.request(in, server.key, server.operatorKey);
    RawHttp.Answer answer;
    try (SilentCloseable allowed = FuzzServer.loopback()) {
      answer = RawHttp.exchange(server.port(), request, true);
    }
    server.answered(answer.status());
    assertThat(answer.status()).as(answer.toString()).isLessThan(500);
    assertThat(answer.body())
        .as(answer.toString())
        .doesNotContain("Exception", "\tat ", "className", "<html");
  }
}
