package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.AuditLog;
import dev.bulwark.cli.BulwarkProcess.Served;
import dev.bulwark.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark serve} as a real process, killed with SIGKILL mid-execution: the sandbox dies with
 * it, and the next server ends the accepted execution's record as interrupted.
 */
class ServerCrashTest {
  @TempDir Path data;
  @TempDir Path logs;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aKilledServerLeavesNoAcceptedExecutionWithoutATerminalRecord() throws Exception {
    Served first = serve(null);
    String marker = "bulwark-crash-" + UUID.randomUUID();
    String body = "{\"language\": \"bash\", \"code\": \"exec -a " + marker + " sleep 60\"}";
    http.sendAsync(first.post("/v1/executions", body), HttpResponse.BodyHandlers.ofString());
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !pids(marker).isEmpty());

    first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .alias("the sandbox dies with the server")
        .until(() -> pids(marker).isEmpty());

    Served second = serve(first.key());
    try {
      HttpResponse<String> r =
          http.send(
              second.request("/v1/audit?status=SANDBOX_ERROR").build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode records = Json.mapper().readTree(r.body()).get("records");
      assertThat(records).hasSize(1);
      assertThat(records.get(0).get("reason").asString()).isEqualTo(AuditLog.INTERRUPTED);
      assertThat(records.get(0).get("finishedAt").isNull()).isFalse();
    } finally {
      second.process().destroy(); // SIGTERM: a clean stop
      assertThat(second.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }

  private Served serve(String knownKey) throws IOException {
    return BulwarkProcess.serve(
        List.of("--data", data.toString()), logs.resolve("serve.err"), knownKey);
  }

  /** Host processes whose command line names the marker: judged from the host, not the API. */
  private static List<Long> pids(String marker) {
    List<Long> pids = new ArrayList<>();
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline =
              new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
          if (cmdline.contains(marker)) {
            pids.add(Long.parseLong(proc.getFileName().toString()));
          }
        } catch (IOException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pids;
  }
}
