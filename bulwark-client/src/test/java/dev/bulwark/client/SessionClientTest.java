package dev.bulwark.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.api.TestServer;
import dev.bulwark.model.Artifact;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.Output;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's sessions, files, outputs and artifacts against the real server and sandboxes. */
class SessionClientTest {
  @TempDir static Path data;
  private static TestServer server;
  private static BulwarkClient client;

  @BeforeAll
  static void start() {
    server = TestServer.start(data);
    client = BulwarkClient.connect(server.uri(), server.key());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void aSessionKeepsStateMovesFilesAndStreamsDisplays(@TempDir Path local) throws Exception {
    try (Session s =
        client.openSession(SessionOptions.of("python").withTtl(Duration.ofMinutes(2)))) {
      byte[] csv = "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);
      FileInfo up = s.upload("in/my data.csv", csv);
      assertThat(up.size()).isEqualTo(csv.length);
      assertThat(s.run("rows = open('in/my data.csv').read().splitlines()").ok()).isTrue();
      ExecutionResult r = s.run("len(rows)");
      assertThat(r.outputs().getFirst().data()).containsEntry("text/plain", "3");

      List<Output> shown = new ArrayList<>();
      ExecutionResult streamed =
          s.run(
              "display(6 * 7)\n_ = open('out.txt', 'w').write('done')",
              new OutputListener() {
                @Override
                public void display(Output output) {
                  shown.add(output);
                }
              });
      assertThat(streamed.ok()).isTrue();
      assertThat(shown).hasSize(1);
      assertThat(shown.getFirst().data()).containsEntry("text/plain", "42");

      assertThat(new String(s.download("out.txt"), StandardCharsets.UTF_8)).isEqualTo("done");
      assertThat(s.files("").entries()).extracting(FileInfo::path).contains("in", "out.txt");
      s.delete("out.txt");
      assertThatThrownBy(() -> s.download("out.txt"))
          .isInstanceOfSatisfying(
              BulwarkException.class, e -> assertThat(e.code()).isEqualTo("file_not_found"));

      s.restart();
      assertThat(s.run("rows").status().name()).isEqualTo("ERROR");
      assertThat(s.info().state()).isEqualTo("idle");
      s.close();
      assertThatThrownBy(s::info)
          .isInstanceOfSatisfying(
              BulwarkException.class, e -> assertThat(e.code()).isEqualTo("session_not_found"));
    }
  }

  @Test
  void oneShotFilesAndArtifactsTravelWithTheRequest() {
    ExecutionResult r =
        client.execute(
            ExecutionRequest.of(
                    "python",
                    "t = open('in.txt').read()\n"
                        + "open('small.txt', 'w').write(t * 2)\n"
                        + "open('large.bin', 'wb').write(b'z' * 200000)")
                .withFiles(Map.of("in.txt", "ab".getBytes(StandardCharsets.UTF_8)))
                .withArtifacts(List.of("small.txt", "large.bin")));
    assertThat(r.ok()).as(r.reason()).isTrue();
    Artifact small =
        r.artifacts().stream().filter(a -> a.name().equals("small.txt")).findFirst().orElseThrow();
    Artifact large =
        r.artifacts().stream().filter(a -> a.name().equals("large.bin")).findFirst().orElseThrow();
    assertThat(small.isInline()).isTrue();
    assertThat(new String(client.artifact(small), StandardCharsets.UTF_8)).isEqualTo("abab");
    assertThat(large.isInline()).isFalse();
    assertThat(client.artifact(large)).hasSize(200000);
  }
}
