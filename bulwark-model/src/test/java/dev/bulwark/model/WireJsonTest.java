package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The JSON form of the model: what the HTTP API, the client and the audit log read and write. */
class WireJsonTest {
  private static ExecutionResult result(String id) {
    return new ExecutionResult(
        id,
        Status.OK,
        null,
        0,
        null,
        "hi\n",
        null,
        false,
        false,
        5,
        3,
        1 << 20,
        new RuntimeInfo("python", "3.12.3"),
        List.of(),
        List.of());
  }

  @Test
  void aResultCarriesItsIdFirstAndALocalResultHasNone() {
    assertThat(Json.write(result("e-1")))
        .startsWith(
            "{\"id\":\"e-1\",\"status\":\"OK\",\"reason\":\"\",\"exitCode\":0,\"signal\":null,");
    assertThat(Json.write(result(null))).startsWith("{\"status\":\"OK\",").doesNotContain("\"id\"");
    assertThat(Json.write(result(null))).doesNotContain("\"ok\"");
    assertThat(Json.mapper().readValue(Json.write(result("e-1")), ExecutionResult.class))
        .isEqualTo(result("e-1"));
    assertThat(result(null).withId("e-2").id()).isEqualTo("e-2");
    assertThatThrownBy(() -> result(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitOverridesAreWrittenInUnitsAndReadBack() {
    LimitOverrides o =
        LimitOverrides.NONE
            .withTimeout(Duration.ofMillis(1500))
            .withMemory(256L << 20)
            .withCpus(0.5)
            .withPids(32);
    String json = Json.write(o);
    assertThat(json)
        .isEqualTo("{\"timeout\":\"1500ms\",\"memory\":\"256m\",\"cpus\":0.5,\"pids\":32}");
    assertThat(Json.mapper().readValue(json, LimitOverrides.class)).isEqualTo(o);
    assertThat(Json.write(LimitOverrides.NONE)).isEqualTo("{}");
    assertThat(LimitOverrides.NONE.isEmpty()).isTrue();
    assertThat(o.isEmpty()).isFalse();
  }

  @Test
  void aBadOverrideIsRefusedWithTheFieldItsPathNames() {
    assertThatThrownBy(() -> read("{\"limits\": {\"memory\": \"lots\"}}"))
        .isInstanceOfSatisfying(
            DatabindException.class,
            e -> {
              assertThat(e.getPath().getLast().getPropertyName()).isEqualTo("memory");
              assertThat(e.getOriginalMessage()).contains("'lots' is not a size");
            });
    for (String value : new String[] {"5s\\u0000", "1 g", "5"}) {
      String field = value.endsWith("g") ? "memory" : "timeout";
      assertThatThrownBy(() -> read("{\"limits\": {\"" + field + "\": \"" + value + "\"}}"))
          .as("the API reads the one strict grammar: %s", value)
          .isInstanceOfSatisfying(
              DatabindException.class,
              e -> assertThat(e.getPath().getLast().getPropertyName()).isEqualTo(field));
    }
    assertThatThrownBy(() -> read("{\"limits\": {\"timeout\": 30}}"))
        .isInstanceOfSatisfying(
            DatabindException.class,
            e -> assertThat(e.getOriginalMessage()).contains("must be a string such as"));
    assertThatThrownBy(() -> read("{\"limits\": {\"cpus\": \"2\"}}"))
        .isInstanceOfSatisfying(
            DatabindException.class,
            e -> {
              assertThat(e.getPath().getLast().getPropertyName()).isEqualTo("cpus");
              assertThat(e.getOriginalMessage()).isEqualTo("must be a number");
            });
    assertThatThrownBy(() -> read("{\"limits\": {\"disk\": \"1g\"}}"))
        .isInstanceOfSatisfying(
            UnrecognizedPropertyException.class,
            e -> assertThat(e.getPropertyName()).isEqualTo("disk"));
    assertThatThrownBy(() -> LimitOverrides.NONE.withMemory(-1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory");
  }

  @Test
  void theWireRequestLeavesOutWhatIsAbsentAndRefusesWhatIsUnknown() {
    ExecutionRequest r =
        ExecutionRequest.of("python", "print(1)").withStdin("x").withTimeout(Duration.ofSeconds(5));
    String json = Json.write(r);
    assertThat(json)
        .isEqualTo(
            "{\"language\":\"python\",\"code\":\"print(1)\",\"stdin\":\"x\","
                + "\"limits\":{\"timeout\":\"5s\"}}");
    assertThat(Json.mapper().readValue(json, ExecutionRequest.class)).isEqualTo(r);
    assertThat(read("{\"language\": \"bash\", \"code\": \"true\"}").limits())
        .isEqualTo(LimitOverrides.NONE);
    assertThatThrownBy(() -> read("{\"language\": \"bash\", \"code\": \"true\", \"x\": 1}"))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @Test
  void aValidationReportWithoutASyntaxErrorLeavesItOut() {
    Finding f =
        new Finding("py.process", "high", Outcome.FLAG, "spawns a process", 1, 1, "os", "fix");
    assertThat(Json.write(new ValidationReport(Outcome.FLAG, "standard", List.of(f), null)))
        .startsWith("{\"outcome\":\"FLAG\",\"policy\":\"standard\",\"findings\":[{\"ruleId\":")
        .contains("\"outcome\":\"FLAG\",\"message\"")
        .doesNotContain("syntaxError");
    assertThat(
            Json.write(
                new ValidationReport(
                    Outcome.ALLOW,
                    "strict",
                    List.of(),
                    new ValidationReport.SyntaxError("bad", 1, 7))))
        .endsWith("\"syntaxError\":{\"message\":\"bad\",\"line\":1,\"col\":7}}");
  }

  @Test
  void aRefusalHasTheOneErrorShape() {
    ErrorBody e = new ErrorBody("invalid_field", "limits.memory: no", Map.of("field", "x"));
    assertThat(Json.write(e.envelope()))
        .isEqualTo(
            "{\"error\":{\"code\":\"invalid_field\",\"message\":\"limits.memory: no\","
                + "\"details\":{\"field\":\"x\"}}}");
    assertThat(Json.mapper().readValue(Json.write(e.envelope()), ErrorBody.Envelope.class).error())
        .isEqualTo(e);
  }

  @Test
  void anOutputIsShapedAsJupytersAndHoldsMimeTypes() {
    Output o =
        new Output(
            Output.Type.DISPLAY_DATA,
            Map.of("image/png", "iVBORw0KGgo="),
            Map.of("image/png", Map.of("width", 640)));
    assertThat(Json.write(o))
        .isEqualTo(
            "{\"output_type\":\"display_data\",\"data\":{\"image/png\":\"iVBORw0KGgo=\"},"
                + "\"metadata\":{\"image/png\":{\"width\":640}}}");
    assertThat(Json.mapper().readValue(Json.write(o), Output.class)).isEqualTo(o);
    assertThat(Json.write(Output.text("hi"))).contains("\"text/plain\":\"hi\"");
    assertThatThrownBy(() -> new Output(Output.Type.ERROR, Map.of("plain", "x"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Output(Output.Type.EXECUTE_RESULT, Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ExecutionRequest read(String json) {
    if (json.contains("\"language\"")) {
      return Json.mapper().readValue(json, ExecutionRequest.class);
    }
    return Json.mapper()
        .readValue(
            json.replaceFirst("\\{", "{\"language\": \"python\", \"code\": \"1\", "),
            ExecutionRequest.class);
  }
}
