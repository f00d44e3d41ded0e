package dev.bulwark.internal.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.EgressConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the proxy sends on for a request: the operator's headers in, the program's out. */
class CredentialsTest {
  private static final Credentials CREDENTIALS =
      new Credentials(
          EgressConfig.defaults()
              .withCredentials(Map.of("api.internal", List.of("Authorization: Bearer KEY"))));

  private static HttpHead head(String text) throws IOException {
    return HttpHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static String outgoing(HttpHead head, String path, String name, boolean close) {
    return new String(CREDENTIALS.outgoing(head, path, name, close), StandardCharsets.ISO_8859_1);
  }

  @Test
  void theOperatorsHeaderReplacesTheProgramsAndTheProxysOwnHeadersAreDropped() throws IOException {
    HttpHead head =
        head(
            "POST http://api.internal/v1 HTTP/1.1\r\nHost: api.internal\r\n"
                + "authorization: Bearer forged\r\nProxy-Connection: keep-alive\r\n"
                + "Connection: keep-alive\r\nContent-Length: 4\r\n\r\nbody");
    assertThat(outgoing(head, "/v1", "api.internal", true))
        .isEqualTo(
            "POST /v1 HTTP/1.1\r\nHost: api.internal\r\nContent-Length: 4\r\n"
                + "Authorization: Bearer KEY\r\nConnection: close\r\n\r\nbody");
  }

  @Test
  void aHostWithoutCredentialsGoesOnAsTheProgramWroteIt() throws IOException {
    HttpHead head =
        head("GET / HTTP/1.1\r\nHost: other.example\r\nAuthorization: Bearer own\r\n\r\n");
    assertThat(outgoing(head, "/", "other.example", false))
        .isEqualTo("GET / HTTP/1.1\r\nHost: other.example\r\nAuthorization: Bearer own\r\n\r\n");
  }
}
