package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.BulwarkProcess.Served;
import dev.bulwark.model.Json;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The source cap at the HTTP door: {@code bulwark serve} as a real process, configured by file. */
class SourceCapOverHttpTest {
  @TempDir Path data;
  @TempDir Path logs;

  @Test
  void aProgramOverTheConfiguredCapIs413InTheApisErrorShape() throws Exception {
    Path config =
        Files.writeString(
            data.resolve("bulwark.yaml"),
            "server:\n  maxSourceSize: 2k\nengine:\n  warmPools: [python=0, javascript=0]\n");
    Served served =
        BulwarkProcess.serve(
            List.of("--data", data.toString(), "--config", config.toString()),
            logs.resolve("serve.err"),
            null);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> over =
          http.send(
              served.post("/v1/executions", program(3000)), HttpResponse.BodyHandlers.ofString());
      assertThat(over.statusCode()).as(over.body()).isEqualTo(413);
      JsonNode error = Json.mapper().readTree(over.body()).get("error");
      assertThat(error.get("code").asString()).isEqualTo("source_too_large");
      assertThat(error.get("message").asString())
          .isEqualTo("the code exceeds the source cap of 2k");
      assertThat(error.get("details").get("maxBytes").asLong()).isEqualTo(2048);

      HttpResponse<String> within =
          http.send(
              served.post("/v1/executions", program(1000)), HttpResponse.BodyHandlers.ofString());
      assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
      assertThat(Json.mapper().readTree(within.body()).get("stdout").asString()).isEqualTo("ok\n");
    } finally {
      served.process().destroy();
      assertThat(served.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** A request for a Python program of about {@code bytes} bytes that prints ok. */
  private static String program(int bytes) {
    String code = "#" + "x".repeat(bytes - 12) + "\nprint('ok')";
    return Json.write(Map.of("language", "python", "code", code));
  }
}
