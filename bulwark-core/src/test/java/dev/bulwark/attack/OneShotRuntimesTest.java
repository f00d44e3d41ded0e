package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.model.Artifact;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Output;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JavaScript and Bash one-shot runs carry input files and artifacts with Python's semantics (one
 * workspace step shared by every runtime), and JavaScript's runs carry rich outputs and structured
 * errors as Python's do; judged on the host.
 */
class OneShotRuntimesTest {
  private static final String DATA_JSON = "{\"items\": [3, 4, 5]}";
  private static final String DATA_CSV = "name,qty\napple,3\npear,4\n";

  private static ExecutionResult run(Job job) {
    return TestEngine.get().execute(job);
  }

  private static Job job(String language, String code) {
    return new Job(language, code, TestEngine.LIMITS, new byte[0], Policies.standard());
  }

  private static String text(Artifact artifact) {
    return new String(artifact.content(), StandardCharsets.UTF_8);
  }

  @Test
  void aJavaScriptRunReadsAnUploadedJsonFileAndReturnsItsResultAsAnArtifact() {
    Job js =
        job(
                "javascript",
                """
                const fs = require('fs');
                const data = JSON.parse(fs.readFileSync('in/data.json', 'utf8'));
                fs.mkdirSync('out', { recursive: true });
                const sum = data.items.reduce((a, b) => a + b, 0);
                fs.writeFileSync('out/result.json', JSON.stringify({ sum }));
                fs.writeFileSync('skip.log', 'no');
                console.log('summed');
                """)
            .withFiles(Map.of("in/data.json", DATA_JSON.getBytes(StandardCharsets.UTF_8)))
            .withArtifacts(List.of("out/**"));
    ExecutionResult r = run(js);
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("summed\n");
    assertThat(r.artifacts()).extracting(Artifact::name).containsExactly("out/result.json");
    assertThat(text(r.artifacts().getFirst())).isEqualTo("{\"sum\":12}");
    assertThat(r.artifacts().getFirst().mediaType()).isEqualTo("application/json");
  }

  @Test
  void aBashRunReadsAnUploadedCsvAndReturnsItsResultAsAnArtifactWithItsOutputAsText() {
    Job bash =
        job(
                "bash",
                """
                mkdir -p out
                tail -n +2 data.csv | awk -F, '{ s += $2 } END { print "total," s }' > out/total.csv
                echo counted
                exit 3
                """)
            .withFiles(Map.of("data.csv", DATA_CSV.getBytes(StandardCharsets.UTF_8)))
            .withArtifacts(List.of("out/*.csv"));
    ExecutionResult r = run(bash);
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.ERROR);
    assertThat(r.exitCode())
        .as("the program's own exit code, through the workspace step")
        .isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("counted\n");
    assertThat(r.outputs()).as("bash's outputs stay text").isEmpty();
    assertThat(r.artifacts()).extracting(Artifact::name).containsExactly("out/total.csv");
    assertThat(text(r.artifacts().getFirst())).isEqualTo("total,7\n");
  }

  @Test
  void theGvisorTierCarriesJavaScriptAndBashFilesAndArtifacts() {
    TestEngine.assumeAvailable(Isolation.GVISOR);
    for (Job job :
        List.of(
            job("bash", "tr a-z A-Z < in.txt > out.txt"),
            job(
                "javascript",
                "const fs = require('fs');\n"
                    + "fs.writeFileSync('out.txt', fs.readFileSync('in.txt', 'utf8').toUpperCase());"))) {
      ExecutionResult r =
          run(
              job.withFiles(Map.of("in.txt", "ab".getBytes(StandardCharsets.UTF_8)))
                  .withArtifacts(List.of("out.txt"))
                  .withIsolation(Isolation.GVISOR));
      assertThat(r.status())
          .as(job.language() + ": " + r.reason() + r.stderr())
          .isEqualTo(Status.OK);
      assertThat(r.artifacts()).extracting(Artifact::name).containsExactly("out.txt");
      assertThat(text(r.artifacts().getFirst())).isEqualTo("AB");
    }
  }

  @Test
  void aBashRunReadsItsStdinAfterItsFiles() {
    Job bash =
        new Job(
                "bash",
                "cat; cat a.txt",
                TestEngine.LIMITS,
                "from stdin\n".getBytes(),
                Policies.standard())
            .withFiles(Map.of("a.txt", "from a file\n".getBytes(StandardCharsets.UTF_8)));
    ExecutionResult r = run(bash);
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("from stdin\nfrom a file\n");
  }

  @Test
  void linksAndFifosAmongTheArtifactsAreNeitherFollowedNorWaitedFor(@TempDir Path dir)
      throws IOException {
    // A host file every uid may read: an engine that followed the link would return its bytes.
    String canary = "canary-" + UUID.randomUUID();
    Path secret = Files.writeString(dir.resolve("secret.txt"), canary);
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    String bash =
        "mkdir out\nln -s "
            + secret
            + " out/host.txt\nln -s /etc/hostname out/etc.txt\nmkfifo out/pipe.txt\n"
            + "echo mine > out/mine.txt";
    String js =
        "const fs = require('fs');\nfs.mkdirSync('out');\nfs.symlinkSync('"
            + secret
            + "', 'out/host.txt');\nfs.symlinkSync('/etc/hostname', 'out/etc.txt');\n"
            + "fs.writeFileSync('out/mine.txt', 'mine\\n');";
    for (Job job : List.of(job("bash", bash), job("javascript", js))) {
      ExecutionResult r = run(job.withArtifacts(List.of("out/*")));
      assertThat(r.status())
          .as(job.language() + ": " + r.reason() + r.stderr())
          .isEqualTo(Status.OK);
      assertThat(r.artifacts()).extracting(Artifact::name).containsExactly("out/mine.txt");
      assertThat(text(r.artifacts().getFirst())).isEqualTo("mine\n");
      for (Artifact a : r.artifacts()) {
        assertThat(text(a)).doesNotContain(canary);
      }
    }
  }

  @Test
  void aJavaScriptErrorShowsOnlyTheUsersCodeWithItsLines() {
    ExecutionResult r =
        run(job("javascript", "const a = 1;\nfunction f() {\n  null.boom;\n}\nf();"));
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.exitCode()).isEqualTo(1);
    Output error = r.outputs().getLast();
    assertThat(error.outputType()).isEqualTo(Output.Type.ERROR);
    assertThat(error.ename()).isEqualTo("TypeError");
    assertThat(error.evalue()).contains("boom");
    String traceback = String.join("\n", error.traceback());
    assertThat(traceback)
        .contains("at f (<code>:3:")
        .contains("(<code>:5:")
        .doesNotContain("/run/bulwark")
        .doesNotContain("node:internal")
        .doesNotContain("runner");
    assertThat(r.stderr())
        .contains("TypeError")
        .contains("<code>:3")
        .doesNotContain("/run/bulwark");
  }

  @Test
  void aJavaScriptSyntaxErrorIsStructuredWithItsLine() {
    ExecutionResult r = run(job("javascript", "const a = 1;\nlet = = 2;"));
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.ERROR);
    Output error = r.outputs().getLast();
    assertThat(error.ename()).isEqualTo("SyntaxError");
    assertThat(String.join("\n", error.traceback()))
        .contains("<code>:2")
        .doesNotContain("/run/bulwark");
  }

  @Test
  void aJavaScriptErrorOfALaterTickOrRejectionIsStructuredUnderTheJobsName() {
    for (String code :
        List.of(
            "setTimeout(() => {\n  throw new RangeError('late');\n}, 1);",
            "async function g() {\n  throw new RangeError('late');\n}\ng();")) {
      ExecutionResult r = run(job("javascript", code).withSourceName("job.js"));
      assertThat(r.status()).as(code + r.stderr()).isEqualTo(Status.ERROR);
      Output error = r.outputs().getLast();
      assertThat(error.ename()).isEqualTo("RangeError");
      assertThat(error.evalue()).isEqualTo("late");
      assertThat(String.join("\n", error.traceback()))
          .contains("job.js:2:")
          .doesNotContain("/run/bulwark");
    }
  }

  @Test
  void aProgramThatHandlesUncaughtErrorsItselfKeepsThem() {
    ExecutionResult r =
        run(
            job(
                "javascript",
                "process.on('uncaughtException', e => console.log('handled ' + e.message));\n"
                    + "setTimeout(() => { throw new Error('x'); }, 1);\n"
                    + "setTimeout(() => console.log('still here'), 20);"));
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("handled x\nstill here\n");
    assertThat(r.outputs()).isEmpty();
  }

  @Test
  void javascriptDisplayGivesMimeBundles() {
    ExecutionResult r =
        run(
            job(
                "javascript",
                """
                display({ a: 1, b: [true, null] });
                display.html('<b>bold</b>');
                display(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
                display('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml');
                display(new Map([[1, 2]]));
                console.log('shown');
                """));
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("shown\n");
    List<Output> outputs = r.outputs();
    assertThat(outputs).hasSize(5).allMatch(o -> o.outputType() == Output.Type.DISPLAY_DATA);
    assertThat(outputs.get(0).data().get("application/json"))
        .isEqualTo(Map.of("a", 1, "b", java.util.Arrays.asList(true, null)));
    assertThat(outputs.get(0).data()).containsKey("text/plain");
    assertThat(outputs.get(1).data().get("text/html")).isEqualTo("<b>bold</b>");
    assertThat(Base64.getDecoder().decode((String) outputs.get(2).data().get("image/png")))
        .containsExactly(0x89, 0x50, 0x4e, 0x47);
    assertThat((String) outputs.get(3).data().get("image/svg+xml")).startsWith("<svg");
    assertThat(outputs.get(4).data()).containsOnlyKeys("text/plain");
    assertThat((String) outputs.get(4).data().get("text/plain")).contains("Map(1)");
  }

  @Test
  void aPlainJavaScriptRunHasNoOutputs() {
    ExecutionResult r = run(job("javascript", "console.log(1)"));
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.outputs()).isEmpty();
    assertThat(r.artifacts()).isEmpty();
  }
}
