package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.audit.AuditRecord;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold connections without finishing their requests, and clients that go away, against
 * a real server: idle and trickling connections are closed at the head deadline and never starve a
 * normal client; a streaming client that hangs up cancels its run and frees its slot even while the
 * program prints nothing.
 */
class SlowClientsTest {
  private static final int IDLE_SOCKETS = 500;
  private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(2);

  @TempDir static Path data;
  private static Engine engine;
  private static Store store;
  private static ApiServer server;
  private static String key;

  @BeforeAll
  static void start() {
    engine = Engine.start(EngineConfig.defaults().withWarmPools(List.of()));
    store = Store.open(data);
    new Tenants(store.dataSource()).create("solo", "standard", "default", 1, 10_000, false, 0);
    key = new ApiKeys(store.dataSource()).issue("solo", "").token();
    ServerConfig settings =
        ServerConfig.defaults("127.0.0.1", 0)
            .withConnections(new ServerConfig.Connections(HEAD_TIMEOUT, 1024, 1000));
    server = ApiServer.start(engine, store, settings);
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
    engine.close();
  }

  private static HttpResponse<String> runtimes() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/runtimes"))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void fiveHundredIdleSocketsNeitherStarveANormalRequestNorOutliveTheHeadDeadline()
      throws Exception {
    runtimes(); // the first answer is built once; later ones are what this test times
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < IDLE_SOCKETS; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(100);
        idle.add(s);
      }
      long start = System.nanoTime();
      HttpResponse<String> answer = runtimes();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf(
          "slow clients: %d idle sockets held, a normal request answered in %d ms%n",
          IDLE_SOCKETS, took.toMillis());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(took).as("a normal request among idle sockets").isLessThan(Duration.ofSeconds(1));

      Instant opened = Instant.now();
      await()
          .atMost(HEAD_TIMEOUT.multipliedBy(5))
          .until(() -> idle.stream().allMatch(SlowClientsTest::closedByServer));
      assertThat(Duration.between(opened, Instant.now()))
          .as("not before the deadline")
          .isGreaterThanOrEqualTo(HEAD_TIMEOUT.minusMillis(900));
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void aHeadTrickledByteByByteIsCutAtTheDeadline() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      byte[] head =
          "GET /v1/runtimes HTTP/1.1\r\nHost: b\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
      out.write(head);
      long start = System.nanoTime();
      boolean cut = false;
      for (int i = 0; i < 100 && !cut; i++) {
        try {
          out.write('a'); // a byte every 100 ms keeps an idle timeout from ever firing
          out.flush();
          Thread.sleep(100);
        } catch (IOException e) {
          cut = true;
        }
        s.setSoTimeout(1);
        cut = cut || closedByServer(s);
      }
      assertThat(cut).as("the connection was cut").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(HEAD_TIMEOUT.multipliedBy(3));
    }
  }

  @Test
  void aSmallBodyThatWaitedWithinTheDeadlineIsAnswered() throws Exception {
    // The head, then a pause, then the whole body: at 1 KiB/s counted from the head, the body's
    // 60 bytes would have been 1.5 KiB late; the body's rate counts only once the deadline passed.
    String body = "{\"language\": \"python\", \"code\": \"print(1)\"}";
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /v1/validate HTTP/1.1\r\nHost: b\r\nAuthorization: Bearer "
                  + key
                  + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(HEAD_TIMEOUT.toMillis() * 3 / 4);
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200").contains("\"outcome\"");
    }
  }

  @Test
  void aBodyTheServerHoldsAlreadyIsNeverLateHoweverLateItsHandlerReadsIt(@TempDir Path own)
      throws Exception {
    // At 100 MiB/s counted from the body's arrival, the time the server itself takes to
    // authenticate and dispatch (a millisecond is enough) would make this body late: 408 for a
    // client that sent everything at once, as happened to small requests on a busy host.
    ServerConfig strict =
        ServerConfig.defaults("127.0.0.1", 0)
            .withConnections(new ServerConfig.Connections(HEAD_TIMEOUT, 100L << 20, 1000));
    try (Store ownStore = Store.open(own);
        ApiServer demanding = ApiServer.start(engine, ownStore, strict)) {
      new Tenants(ownStore.dataSource()).create("solo", "standard", "default", 1, 10_000, false, 0);
      String ownKey = new ApiKeys(ownStore.dataSource()).issue("solo", "").token();
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + demanding.port() + "/v1/validate"))
                        .header("Authorization", "Bearer " + ownKey)
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"language\": \"python\", \"code\": \"print(1)\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      }
    }
  }

  @Test
  void aBodyBelowTheMinimumRateIs408() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /v1/validate HTTP/1.1\r\nHost: b\r\nAuthorization: Bearer "
                  + key
                  + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
      String answer = "";
      for (int i = 0; i < 100 && answer.isEmpty(); i++) {
        try {
          out.write(' '); // 10 bytes a second, against a minimum of 1 KiB
          out.flush();
        } catch (IOException e) {
          break; // cut: the answer, if any, is waiting to be read
        }
        Thread.sleep(100);
        answer = available(s);
      }
      s.setSoTimeout(5_000);
      answer =
          answer.isEmpty()
              ? new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              : answer;
      assertThat(answer).startsWith("HTTP/1.1 408").contains("request_timeout");
    }
  }

  @Test
  void aSilentStreamLivesPastTheHeadDeadlineAndItsClientsHangUpCancelsItWithinASecond()
      throws Exception {
    String body =
        "{\"language\": \"python\", \"code\": \"import time\\ntime.sleep(60)\", \"stream\": true}";
    Instant hungUp;
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      s.getOutputStream()
          .write(
              RawHttp.request("POST", "/v1/executions", key, "application/json", body)
                  .getBytes(StandardCharsets.UTF_8));
      InputStream in = s.getInputStream();
      String seen = readUntil(in, ": keep-alive");
      assertThat(seen).startsWith("HTTP/1.1 200");
      AuditLog audit = new AuditLog(store.dataSource());
      await().until(() -> running(audit) == 1);
      Thread.sleep(HEAD_TIMEOUT.plusSeconds(1).toMillis()); // the deadline passes mid-stream
      assertThat(readUntil(in, ": keep-alive")).as("still streaming").endsWith(": keep-alive");
      hungUp = Instant.now();
    } // the client hangs up: nothing was ever printed to fail a write

    AuditLog audit = new AuditLog(store.dataSource());
    await().atMost(Duration.ofSeconds(10)).until(() -> running(audit) == 0);
    AuditRecord cancelled = latest(audit);
    assertThat(cancelled.status()).isEqualTo("CANCELLED");
    Duration toFree = Duration.between(hungUp, Instant.parse(cancelled.finishedAt()));
    System.out.printf(
        "cancellation: a silent stream's client hung up; its run ended %d ms later%n",
        toFree.toMillis());
    assertThat(toFree).as("hang-up to CANCELLED record").isLessThan(Duration.ofSeconds(1));
    HttpResponse<String> next =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/executions"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"language\": \"bash\", \"code\": \"echo ok\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(next.statusCode())
        .as("the tenant's only slot is free: " + next.body())
        .isEqualTo(200);
  }

  private static long running(AuditLog audit) {
    return records(audit).stream().filter(r -> r.status() == null).count();
  }

  private static AuditRecord latest(AuditLog audit) {
    return records(audit).getLast();
  }

  private static List<AuditRecord> records(AuditLog audit) {
    String tenant = new Tenants(store.dataSource()).find("solo").orElseThrow().id();
    return audit.list(new AuditLog.Query(tenant, null, null, null, 1000));
  }

  /** Reads until {@code marker} has come; what came. */
  private static String readUntil(InputStream in, String marker) throws IOException {
    StringBuilder seen = new StringBuilder();
    while (!seen.toString().contains(marker)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before " + marker + ": " + seen);
      }
      seen.append((char) b);
    }
    return seen.toString();
  }

  /** Whether the server closed the connection: a read ends at once, or is reset. */
  private static boolean closedByServer(Socket s) {
    try {
      while (true) {
        if (s.getInputStream().read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false; // still open, nothing to read
    } catch (IOException e) {
      return true; // reset
    }
  }

  /** What the server has sent so far, without waiting. */
  private static String available(Socket s) throws IOException {
    s.setSoTimeout(1);
    StringBuilder got = new StringBuilder();
    try {
      for (int b; (b = s.getInputStream().read()) >= 0; ) {
        got.append((char) b);
      }
    } catch (SocketTimeoutException e) {
      // nothing more for now
    }
    return got.toString();
  }
}
