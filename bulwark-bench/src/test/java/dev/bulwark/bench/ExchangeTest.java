package dev.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's own HTTP client against the JDK's HTTP server, which answers as told. */
class ExchangeTest {
  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private volatile String mode = "fixed";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/base/v1/executions",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          seen.add(
              ex.getRequestMethod()
                  + " "
                  + ex.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(body, StandardCharsets.UTF_8));
          byte[] answer = ("{\"status\":\"OK\",\"mode\":\"" + mode + "\"}").getBytes();
          if (mode.equals("close")) {
            ex.getResponseHeaders().set("Connection", "close");
          }
          ex.sendResponseHeaders(
              mode.equals("chunked") ? 201 : 200, mode.equals("chunked") ? 0 : answer.length);
          ex.getResponseBody().write(answer);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/base/");
  }

  @Test
  void itReadsFixedChunkedAndClosingAnswersOverOneConnectionOrANewOne() throws IOException {
    try (Exchange http =
        new Exchange(base(), "bwk_k", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))) {
      for (String m : new String[] {"fixed", "chunked", "close", "fixed"}) {
        mode = m;
        Exchange.Answer a = http.post();
        assertThat(a.status()).isEqualTo(m.equals("chunked") ? 201 : 200);
        assertThat(a.body()).isEqualTo("{\"status\":\"OK\",\"mode\":\"" + m + "\"}");
      }
    }
    assertThat(seen).hasSize(4).allMatch(s -> s.equals("POST Bearer bwk_k {\"a\":1}"));
  }

  @Test
  void aServerThatIsGoneIsAnIOExceptionAndAWrongUrlOrKeyIsRefusedUpFront() {
    URI gone = base();
    server.stop(0);
    Exchange http = new Exchange(gone, "k", new byte[0]);
    assertThatThrownBy(http::post).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> new Exchange(URI.create("https://h/"), "k", new byte[0]))
        .hasMessageContaining("--url must be http://");
    assertThatThrownBy(() -> new Exchange(base(), "k\r\nX: y", new byte[0]))
        .hasMessageContaining("--key");
  }
}
