package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Json;
import dev.bulwark.audit.AuditLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

  /** A running {@code bulwark serve}: its process, port and, on first start, the admin key. */
  record Served(Process process, int port, String key) {}

  @Test
  void aKilledServerLeavesNoAcceptedExecutionWithoutATerminalRecord() throws Exception {
    Served first = serve();
    String marker = "bulwark-crash-" + UUID.randomUUID();
    String body = "{\"language\": \"bash\", \"code\": \"exec -a " + marker + " sleep 60\"}";
    http.sendAsync(post(first, "/v1/executions", body), HttpResponse.BodyHandlers.ofString());
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
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + second.port() + "/v1/audit?status=SANDBOX_ERROR"))
                  .header("Authorization", "Bearer " + second.key())
                  .build(),
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

  private Served serve() throws IOException {
    return serve(null);
  }

  /** Starts {@code bulwark serve} from this test's classpath; reads the key it prints once. */
  private Served serve(String knownKey) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of("serve", "--port", "0", "--data", data.toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("serve.err").toFile()))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String key = knownKey;
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("bwk_")) {
        key = line.strip();
      } else if (line.startsWith("bulwark: serving on http://")) {
        int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).strip());
        return new Served(p, port, key);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException(
        "bulwark serve did not start: " + Files.readString(logs.resolve("serve.err")));
  }

  private static HttpRequest post(Served s, String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .header("Authorization", "Bearer " + s.key())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
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
      throw new java.io.UncheckedIOException(e);
    }
    return pids;
  }
}
