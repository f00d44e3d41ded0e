package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.model.Artifact;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Output;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * One-shot runs carry rich outputs too, judged on the host: figures without savefig, display(),
 * errors with tracebacks of the user's code only, input files placed before the run and artifacts
 * returned after it, inline or kept by the engine.
 */
class OneShotOutputsTest {
  private static ExecutionResult run(Job job) {
    return TestEngine.get().execute(job);
  }

  private static Job python(String code) {
    return new Job("python", code, TestEngine.LIMITS, new byte[0], Policies.standard());
  }

  @Test
  void aFigureIsCapturedWithoutSavefig() throws IOException {
    ExecutionResult r =
        run(
            python(
                "import matplotlib.pyplot as plt\nplt.figure(figsize=(3, 2), dpi=100)\n"
                    + "plt.plot([1, 2], [3, 4])\nprint('drawn')"));
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("drawn\n");
    assertThat(r.outputs()).hasSize(1);
    byte[] png =
        Base64.getDecoder().decode((String) r.outputs().getFirst().data().get("image/png"));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(300);
    assertThat(image.getHeight()).isEqualTo(200);
  }

  @Test
  void displayShowsADataFrameAsHtml() {
    ExecutionResult r =
        run(python("import pandas as pd\ndisplay(pd.DataFrame({'a': [1]}))\nprint('plain')"));
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.OK);
    assertThat((String) r.outputs().getFirst().data().get("text/html")).contains("<table");
    assertThat(r.stdout()).isEqualTo("plain\n");
  }

  @Test
  void theGvisorTierCarriesOutputsFilesAndArtifactsOverItsBoundChannel() {
    TestEngine.assumeAvailable(Isolation.GVISOR);
    Job job =
        python(
                "display({'a': 1})\n"
                    + "open('out.txt', 'w').write(open('in.txt').read() * 2)\n"
                    + "print('done')")
            .withFiles(Map.of("in.txt", "ab".getBytes(StandardCharsets.UTF_8)))
            .withArtifacts(List.of("out.txt"))
            .withIsolation(Isolation.GVISOR);
    ExecutionResult r = run(job);
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("done\n");
    assertThat(r.outputs()).hasSize(1);
    assertThat(String.valueOf(r.outputs().getFirst().data().get("text/plain")))
        .isEqualTo("{'a': 1}");
    assertThat(r.artifacts()).extracting(Artifact::name).containsExactly("out.txt");
    assertThat(new String(r.artifacts().getFirst().content(), StandardCharsets.UTF_8))
        .isEqualTo("abab");
  }

  @Test
  void aPlainRunHasNoOutputs() {
    ExecutionResult r = run(python("print(1)"));
    assertThat(r.outputs()).isEmpty();
  }

  @Test
  void anErrorShowsOnlyTheUsersCodeUnderItsName() {
    ExecutionResult r =
        run(python("def f():\n    raise ValueError('bad')\n\nf()").withSourceName("analysis.py"));
    assertThat(r.status()).isEqualTo(Status.ERROR);
    Output error = r.outputs().getLast();
    assertThat(error.outputType()).isEqualTo(Output.Type.ERROR);
    assertThat(error.ename()).isEqualTo("ValueError");
    assertThat(error.evalue()).isEqualTo("bad");
    assertThat(error.traceback())
        .contains("  File \"analysis.py\", line 4, in <module>", "    f()")
        .contains("  File \"analysis.py\", line 2, in f");
    assertThat(String.join("\n", error.traceback())).doesNotContain("/run/bulwark");
    assertThat(r.stderr()).startsWith("Traceback (most recent call last):\n  File \"analysis.py\"");
    ExecutionResult unnamed = run(python("1 / 0"));
    assertThat(unnamed.stderr()).contains("File \"<code>\", line 1").doesNotContain("runner");
  }

  @Test
  void inputFilesArePlacedAndArtifactsReturned() throws IOException {
    byte[] big = new byte[200_000];
    Job job =
        python(
                "import os\nos.makedirs('out', exist_ok=True)\n"
                    + "open('out/report.txt', 'w').write(open('in/data.csv').read().upper())\n"
                    + "open('out/big.bin', 'wb').write(b'x' * 200000)\n"
                    + "os.symlink('/etc/passwd', 'out/link.txt')\n"
                    + "open('skip.log', 'w').write('no')")
            .withFiles(Map.of("in/data.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
            .withArtifacts(List.of("out/**"));
    ExecutionResult r = run(job);
    assertThat(r.status()).as(r.reason() + r.stderr()).isEqualTo(Status.OK);
    assertThat(r.artifacts())
        .extracting(Artifact::name)
        .containsExactly("out/big.bin", "out/report.txt");
    Artifact report = r.artifacts().get(1);
    assertThat(report.isInline()).isTrue();
    assertThat(new String(report.content(), StandardCharsets.UTF_8)).isEqualTo("A,B\n1,2\n");
    assertThat(report.mediaType()).isEqualTo("text/plain");
    Artifact kept = r.artifacts().getFirst();
    assertThat(kept.isInline()).isFalse();
    assertThat(kept.size()).isEqualTo(big.length);
    try (InputStream in = TestEngine.get().artifact(kept.ref()).orElseThrow()) {
      java.util.Arrays.fill(big, (byte) 'x');
      assertThat(in.readAllBytes()).isEqualTo(big);
    }
    assertThat(TestEngine.get().artifact("a-unknown")).isEmpty();
  }
}
