package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.TestServer;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBenchTest {
  @Test
  void benchServerDrivesARealServerAndCountsNoError(@TempDir Path data) {
    try (TestServer server = TestServer.start(data)) {
      MainTest.Outcome o =
          MainTest.bulwark(
              "bench",
              "server",
              "--url",
              url(server),
              "--key",
              server.key(),
              "--requests",
              "10",
              "--warmup",
              "1",
              "--clients",
              "2",
              "--gap",
              "0ms");
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(o.out())
          .contains("| server over HTTP, warm pool ", "| engine in process, cold sandbox ")
          .contains("Sequential: 0 errors;")
          .containsPattern("2 concurrent clients: [0-9.]+ executions/s, 0 errors");
    }
  }

  @Test
  void aWrongKeyIsBadUsageAndAnUnreachableServerTheEnvironmentsBeforeAnyMeasurement(
      @TempDir Path data) {
    try (TestServer server = TestServer.start(data)) {
      MainTest.Outcome badKey =
          MainTest.bulwark("bench", "server", "--url", url(server), "--key", "bwk_nope.nope");
      assertThat(badKey.exitCode()).isEqualTo(2);
      assertThat(badKey.err()).contains("refused the key (401)");
      assertThat(badKey.out()).doesNotContain("p50");
    }
    MainTest.Outcome down =
        MainTest.bulwark("bench", "server", "--url", "http://127.0.0.1:9", "--key", "k");
    assertThat(down.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(down.err()).contains("cannot reach http://127.0.0.1:9");
  }

  @Test
  void aTenantThatCannotTakeTheLoadStopsTheBenchmarkAtItsWarmUp(@TempDir Path data) {
    try (TestServer server = TestServer.start(data.resolve("server"))) {
      String slowKey;
      try (Store store = Store.open(data.resolve("server"))) { // the server's, as the CLI opens it
        new Tenants(store.dataSource()).create("slow", "standard", "default", 8, 1, false, 0);
        slowKey = new ApiKeys(store.dataSource()).issue("slow", "bench").token();
      }
      MainTest.Outcome o =
          MainTest.bulwark(
              "bench", "server", "--url", url(server), "--key", slowKey, "--warmup", "3");
      assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
      assertThat(o.err()).contains("warm-up requests failed, the first with 429", "--rate");
      assertThat(o.out()).doesNotContain("p50");
    }
  }

  private static String url(TestServer server) {
    String uri = server.uri().toString();
    return uri.substring(0, uri.length() - 1); // the benchmark appends /v1/...
  }
}
