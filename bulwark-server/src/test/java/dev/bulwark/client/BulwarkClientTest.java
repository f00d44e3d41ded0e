package dev.bulwark.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.api.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the real server, real keys and real sandboxes. */
class BulwarkClientTest {
  @TempDir static Path data;
  private static TestServer server;
  private static BulwarkClient client;
  private static URI base;

  @BeforeAll
  static void start() {
    server = TestServer.start(data);
    base = server.uri();
    client = BulwarkClient.connect(base, server.key());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void aProgramRunsAndItsResultIsTyped() {
    ExecutionResult r =
        client.execute(
            ExecutionRequest.of("python", "import sys\nprint(sys.stdin.read()[::-1])")
                .withStdin("olleh")
                .withTimeout(Duration.ofSeconds(10)));
    assertThat(r.ok()).as(r.reason()).isTrue();
    assertThat(r.stdout()).isEqualTo("hello\n");
    assertThat(r.exitCode()).isZero();
    assertThat(r.id()).isNotBlank();
    assertThat(r.runtime().name()).isEqualTo("python");
    assertThat(r.runtime().version()).matches("3\\.\\d+\\.\\d+");
  }

  @Test
  void aDeniedProgramIsAResultWithItsFindingsNotAnException() {
    ExecutionResult r =
        client.execute(ExecutionRequest.of("python", "().__class__.__base__.__subclasses__()"));
    assertThat(r.status()).isEqualTo("POLICY_DENIED");
    assertThat(r.exitCode()).isNull();
    assertThat(r.findings())
        .anySatisfy(f -> {
          assertThat(f.ruleId()).isEqualTo("py.introspection");
          assertThat(f.outcome()).isEqualTo("DENY");
          assertThat(f.remediation()).isNotBlank();
        });
  }

  @Test
  void aStreamedRunDeliversFindingsThenOutputAsItComesThenTheResult() {
    List<String> heard = new ArrayList<>();
    ExecutionResult r =
        client.execute(
            ExecutionRequest.of(
                "python",
                "import os, sys, time\n"
                    + "os.system('true')\n"
                    + "print('first', flush=True)\n"
                    + "time.sleep(0.3)\n"
                    + "print('oops', file=sys.stderr)\n"
                    + "print('second')\n"),
            new OutputListener() {
              @Override
              public void finding(Finding f) {
                heard.add("finding " + f.ruleId());
              }

              @Override
              public void stdout(String text) {
                heard.add("stdout " + text.strip());
              }

              @Override
              public void stderr(String text) {
                heard.add("stderr " + text.strip());
              }
            });
    assertThat(r.ok()).as(r.reason()).isTrue();
    assertThat(r.stdout()).isEqualTo("first\nsecond\n");
    assertThat(heard.getFirst()).isEqualTo("finding py.process");
    assertThat(heard).containsSubsequence("stdout first", "stderr oops");
    assertThat(String.join("|", heard)).contains("second");
  }

  @Test
  void validationAndRuntimesAreTyped() {
    Validation v = client.validate("python", "import subprocess\nsubprocess.run(['ls'])", null);
    assertThat(v.outcome()).isEqualTo("FLAG");
    assertThat(v.policy()).isEqualTo("standard");
    assertThat(v.findings()).extracting(Finding::ruleId).contains("py.process");
    assertThat(client.validate("python", "print(", "strict").syntaxError()).isNotNull();

    List<RuntimeDescription> runtimes = client.runtimes();
    assertThat(runtimes).extracting(RuntimeDescription::name).contains("python", "javascript");
    assertThat(runtimes)
        .filteredOn(d -> d.name().equals("python"))
        .singleElement()
        .satisfies(d -> assertThat(d.packages()).contains("json", "numpy", "pandas", "requests"));
  }

  @Test
  void refusalsAreExceptionsWithTheServersStatusAndCode() {
    try (BulwarkClient stranger = BulwarkClient.connect(base, "bwk_aaaaaaaaaaaaaaaa.nope")) {
      assertThatThrownBy(() -> stranger.runtimes())
          .isInstanceOfSatisfying(
              BulwarkException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.code()).isEqualTo("unauthorized");
              });
    }
    assertThatThrownBy(() -> client.execute(ExecutionRequest.of("cobol", "DISPLAY 'HI'.")))
        .isInstanceOfSatisfying(
            BulwarkException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("invalid_field");
              assertThat(e.details()).containsEntry("field", "language");
            });
    assertThatThrownBy(() ->
            client.execute(
                ExecutionRequest.of("python", "print(1)").withLimit("memory", "64g"),
                new OutputListener() {}))
        .isInstanceOfSatisfying(
            BulwarkException.class, e -> assertThat(e.code()).isEqualTo("limits_not_allowed"));
    try (BulwarkClient nowhere = BulwarkClient.connect(URI.create("http://127.0.0.1:1"), "k")) {
      assertThatThrownBy(() -> nowhere.runtimes())
          .isInstanceOfSatisfying(
              BulwarkException.class, e -> assertThat(e.code()).isEqualTo("unreachable"));
    }
  }
}
