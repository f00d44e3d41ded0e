package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.cli.BulwarkProcess.Served;
import dev.bulwark.model.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real {@code bulwark serve} stopped by a signal while it runs executions, judged afterwards from
 * its database and from the host: new requests got 503 in the API's shape, every record has its
 * terminal status, no cgroup, run directory or process of the engine is left, and it exited 0.
 */
class GracefulStopTest {
  private static final int RUNNING = 8;
  private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

  @TempDir Path work;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sigtermDuringEightRunsDrainsCancelsRecordsCleansAndExitsZero() throws Exception {
    Path data = Files.createDirectories(work.resolve("data"));
    Path state = Files.createDirectories(work.resolve("state"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    Files.writeString(data.resolve("bulwark.yaml"), "server:\n  shutdownGrace: 2s\n");
    Served server =
        BulwarkProcess.serve(
            List.of(
                "--data",
                data.toString(),
                "--state-dir",
                state.toString(),
                "--max-concurrent",
                Integer.toString(RUNNING)),
            work.resolve("serve.err"),
            null);
    String engine = engineId(state, server.process().pid());
    List<CompletableFuture<HttpResponse<String>>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < RUNNING; i++) {
        runs.add(
            http.sendAsync(
                server.post(
                    "/v1/executions",
                    "{\"language\": \"python\", \"code\": \"import time\\ntime.sleep(120)\"}"),
                HttpResponse.BodyHandlers.ofString()));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> count(data, "status IS NULL") == RUNNING && runCgroups(engine) >= RUNNING);

      server.process().destroy(); // SIGTERM

      HttpResponse<String> refused = awaitRefusal(server);
      JsonNode error = Json.mapper().readTree(refused.body()).get("error");
      assertThat(error.get("code").asString()).isEqualTo("shutting_down");
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("it ended").isTrue();
      assertThat(server.process().exitValue())
          .as(Files.readString(work.resolve("serve.err")))
          .isZero();
    } finally {
      BulwarkProcess.stop(server.process());
    }

    for (CompletableFuture<HttpResponse<String>> run : runs) {
      HttpResponse<String> r = run.get(10, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(Json.mapper().readTree(r.body()).get("status").asString()).isEqualTo("CANCELLED");
    }
    assertThat(count(data, "status IS NULL")).as("records left without their end").isZero();
    assertThat(count(data, "status = 'CANCELLED'"))
        .as("the runs cut by the stop")
        .isEqualTo(RUNNING);
    assertThat(runCgroups(engine)).as("the engine's cgroups").isZero();
    assertThat(leftInState(state, engine)).as("the engine's directory and lock").isEmpty();
    assertThat(HostProcesses.withCmdline(engine)).as("the engine's processes").isEmpty();
  }

  @Test
  void sigintStopsAnIdleServerAtOnceWithExitZero() throws Exception {
    Path data = Files.createDirectories(work.resolve("idle-data"));
    Served server =
        BulwarkProcess.serve(
            List.of("--data", data.toString(), "--pool", "python:default=0"),
            work.resolve("idle.err"),
            null);
    try {
      Process kill =
          new ProcessBuilder("kill", "-INT", Long.toString(server.process().pid())).start();
      assertThat(kill.waitFor()).isZero();
      boolean ended = server.process().waitFor(60, TimeUnit.SECONDS);
      String err = Files.readString(work.resolve("idle.err"));
      assertThat(ended).as("it ended; its stderr: %s", err).isTrue();
      assertThat(server.process().exitValue()).as(err).isZero();
    } finally {
      BulwarkProcess.stop(server.process());
    }
  }

  /** Polls until a request is refused as the server stops. */
  private HttpResponse<String> awaitRefusal(Served server) {
    Map<String, HttpResponse<String>> seen = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> {
          HttpResponse<String> r =
              http.send(
                  server.request("/v1/runtimes").build(), HttpResponse.BodyHandlers.ofString());
          seen.put("last", r);
          return r.statusCode() == 503;
        });
    return seen.get("last");
  }

  /** The engine the server with {@code pid} started: its directory's name under the state dir. */
  private static String engineId(Path state, long pid) throws IOException {
    String prefix = Long.toHexString(pid) + "-";
    try (Stream<Path> engines = Files.list(state.resolve("engines"))) {
      return engines
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(prefix) && !n.endsWith(".lock"))
          .findFirst()
          .orElseThrow();
    }
  }

  private static List<String> leftInState(Path state, String engine) throws IOException {
    try (Stream<Path> engines = Files.list(state.resolve("engines"))) {
      return engines
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(engine))
          .toList();
    }
  }

  /** The engine's run cgroups ({@code bulwark/ID.N}) in every controller. */
  private static long runCgroups(String engine) throws IOException {
    long n = 0;
    try (Stream<Path> controllers = Files.list(CGROUPS)) {
      for (Path base :
          controllers.map(c -> c.resolve("bulwark")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> runs = Files.list(base)) {
          n += runs.filter(r -> r.getFileName().toString().startsWith(engine + ".")).count();
        }
      }
    }
    return n;
  }

  private static long count(Path data, String where) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("bulwark.db"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM execution WHERE " + where)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Processes of the host, by what their command line holds. */
  private static final class HostProcesses {
    static List<Long> withCmdline(String marker) throws IOException {
      List<Long> pids = new ArrayList<>();
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.toList()) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String cmdline =
                new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
            if (cmdline.contains(marker)) {
              pids.add(Long.parseLong(name));
            }
          } catch (IOException gone) {
            // the process ended while the list was read
          }
        }
      }
      return pids;
    }
  }
}
