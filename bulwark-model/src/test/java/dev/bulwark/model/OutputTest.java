package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OutputTest {
  private static final String AWS_KEY = "AKIA" + "IOSFODNN7EXAMPLE";

  @Test
  void eachTypeIsWrittenInNbformatsShapeAndReadBack() {
    Output display = new Output(Output.Type.DISPLAY_DATA, Map.of("text/plain", "hi"), null);
    Output result = Output.result(3, Map.of("text/plain", "42"), Map.of());
    Output error = Output.error("ValueError", "bad", List.of("Traceback:", "ValueError: bad"));
    assertThat(Json.write(display))
        .isEqualTo(
            "{\"output_type\":\"display_data\",\"data\":{\"text/plain\":\"hi\"},\"metadata\":{}}");
    assertThat(Json.write(result))
        .isEqualTo(
            "{\"output_type\":\"execute_result\",\"execution_count\":3,"
                + "\"data\":{\"text/plain\":\"42\"},\"metadata\":{}}");
    assertThat(Json.write(error))
        .isEqualTo(
            "{\"output_type\":\"error\",\"ename\":\"ValueError\",\"evalue\":\"bad\","
                + "\"traceback\":[\"Traceback:\",\"ValueError: bad\"]}");
    for (Output o : List.of(display, result, error)) {
      assertThat(Json.mapper().readValue(Json.write(o), Output.class)).isEqualTo(o);
    }
  }

  @Test
  void anErrorHasItsNameMessageAndTracebackAndNothingElse() {
    assertThatThrownBy(() ->
            new Output(
                Output.Type.ERROR, Map.of("text/plain", "x"), null, null, "E", "", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Output(Output.Type.ERROR, null, null, null, "E", null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new Output(
                Output.Type.DISPLAY_DATA, Map.of("text/plain", "x"), null, null, "E", "m", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theGuardRedactsTextHtmlJsonAndTracebacksButLeavesImages() {
    Output chart =
        new Output(
            Output.Type.DISPLAY_DATA,
            Map.of(
                "text/html",
                "<td>" + AWS_KEY + "</td>",
                "application/json",
                Map.of("key", List.of(AWS_KEY, 1)),
                "image/png",
                "QUtJQQ=="),
            null);
    OutputGuard.GuardedOutput g = OutputGuard.redact(chart);
    assertThat(Json.write(g.output())).doesNotContain(AWS_KEY).contains("QUtJQQ==");
    assertThat(g.output().data().get("text/html")).isEqualTo("<td>[REDACTED:aws_access_key]</td>");
    assertThat(g.redactions()).containsEntry("aws_access_key", 2);
    Output error = Output.error("E", "key " + AWS_KEY, List.of("line " + AWS_KEY));
    assertThat(Json.write(OutputGuard.redact(error).output())).doesNotContain(AWS_KEY);
  }

  @Test
  void anObservationNamesTheOutputsAndRedactsThem() {
    ExecutionResult r =
        ExecutionResult.notRun(Status.OK, "", new RuntimeInfo("python", "3"))
            .withOutputs(
                List.of(
                    new Output(
                        Output.Type.DISPLAY_DATA,
                        Map.of("text/plain", "<Figure " + AWS_KEY + ">", "image/png", "iVBO"),
                        null),
                    Output.error("ZeroDivisionError", "division by zero", List.of("tb"))));
    Observation o = Observation.of(r);
    JsonNode outputs = Json.mapper().readTree(o.json()).path("outputs");
    assertThat(o.json()).doesNotContain(AWS_KEY).doesNotContain("iVBO");
    assertThat(outputs.get(0).path("media").get(0).asString()).isEqualTo("image/png");
    assertThat(outputs.get(1).path("ename").asString()).isEqualTo("ZeroDivisionError");
    assertThat(o.redactions()).containsEntry("aws_access_key", 1);
  }

  @Test
  void aFileInfoLeavesOutItsEscapeFlagUnlessSet() {
    FileInfo plain =
        new FileInfo("a.csv", 3, FileInfo.Kind.FILE, Instant.parse("2026-12-01T10:00:00Z"), false);
    assertThat(Json.write(plain))
        .isEqualTo(
            "{\"path\":\"a.csv\",\"size\":3,\"kind\":\"file\","
                + "\"modified\":\"2026-12-01T10:00:00Z\"}");
    FileInfo odd = new FileInfo("a\\x0ab", 0, FileInfo.Kind.FILE, Instant.EPOCH, true);
    assertThat(Json.write(odd)).contains("\"escaped\":true");
    assertThat(Json.mapper().readValue(Json.write(odd), FileInfo.class)).isEqualTo(odd);
  }

  @Test
  void anArtifactIsInlineOrKeptNeverBoth() {
    Artifact inline = Artifact.inline("plot.png", "image/png", new byte[] {1, 2});
    assertThat(Json.write(inline)).contains("\"content\":\"AQI=\"").doesNotContain("ref");
    assertThat(Json.mapper().readValue(Json.write(inline), Artifact.class)).isEqualTo(inline);
    assertThat(Json.write(Artifact.kept("big.csv", 1 << 20, "text/csv", "r1")))
        .doesNotContain("content");
    assertThatThrownBy(() -> new Artifact("x", 1, "text/plain", new byte[1], "r"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
