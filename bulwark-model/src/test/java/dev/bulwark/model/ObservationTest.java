package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ObservationTest {
  private static final String AWS_KEY = "AKIA" + "IOSFODNN7EXAMPLE";

  private static ExecutionResult ran(String stdout, String stderr, List<Finding> findings) {
    return new ExecutionResult(
        "id",
        Status.OK,
        "",
        0,
        null,
        stdout,
        stderr,
        false,
        false,
        1,
        1,
        1,
        new RuntimeInfo("python", "3.11"),
        findings,
        List.of(
            new NetworkAttempt("evil.example", 443, "CONNECT", false, "not allowed", "", 0, 0)));
  }

  @Test
  void secretsAreRedactedAndEachKindIsReportedAsAFinding() {
    Observation o =
        Observation.of(
            ran(
                "key " + AWS_KEY + " and " + AWS_KEY + "\n",
                "https://user:hunter2pass@example.com/\n",
                List.of()));
    JsonNode json = Json.mapper().readTree(o.json());
    assertThat(o.json()).doesNotContain(AWS_KEY).doesNotContain("hunter2pass");
    assertThat(json.path("stdout").asString())
        .isEqualTo("key [REDACTED:aws_access_key] and [REDACTED:aws_access_key]\n");
    assertThat(o.redactions()).containsEntry("aws_access_key", 2).containsEntry("url_password", 1);
    assertThat(json.path("findings").findValuesAsString("rule"))
        .containsExactly(Observation.SECRET_RULE, Observation.SECRET_RULE);
    assertThat(json.path("findings").get(0).path("message").asString())
        .startsWith("2 aws_access_key");
  }

  @Test
  void aFloodKeepsItsHeadAndTailAndASecretAtTheCutIsRedactedFirst() {
    String filler = "x".repeat(Observation.KEEP - 10);
    String flood = filler + " " + AWS_KEY + " " + "y".repeat(3 * Observation.KEEP) + "END";
    String stdout =
        Json.mapper()
            .readTree(Observation.of(ran(flood, "", List.of())).json())
            .path("stdout")
            .asString();
    assertThat(stdout).startsWith(filler).endsWith("END").contains("characters cut");
    assertThat(stdout).as("cut after redaction").doesNotContain("AKIA").contains(" [REDACTED");
    assertThat(stdout.length()).isLessThan(2 * Observation.KEEP + 100);
  }

  @Test
  void findingsKeepTheirFixAndAQuietRunHasNone() {
    Finding denied =
        new Finding(
            "py.process",
            "high",
            Outcome.DENY,
            "spawns a process",
            2,
            1,
            "os.system",
            "use a library");
    JsonNode json = Json.mapper().readTree(Observation.of(ran("", "", List.of(denied))).json());
    assertThat(json.path("findings").get(0).path("fix").asString()).isEqualTo("use a library");
    assertThat(json.path("findings").get(0).path("line").asInt()).isEqualTo(2);
    JsonNode quiet = Json.mapper().readTree(Observation.of(ran("hi\n", "", List.of())).json());
    assertThat(quiet.has("findings")).isFalse();
    assertThat(quiet.path("network").get(0).path("reason").asString())
        .as("a refused connection is something the model must see")
        .isEqualTo("not allowed");
  }
}
