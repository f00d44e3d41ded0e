package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.BulwarkProcess.Finished;
import dev.bulwark.cli.BulwarkProcess.Served;
import dev.bulwark.model.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark run --file --artifact --out}: a CSV in, a chart and a summary out, on this host's
 * engine and on a real {@code bulwark serve}; judged from the host's side of the directory.
 */
class RunFilesTest {
  /** Reads the CSV with pandas, draws a chart without savefig, writes a summary file. */
  private static final String ANALYSIS =
      """
      import os
      import pandas as pd
      import matplotlib.pyplot as plt
      df = pd.read_csv("sales.csv")
      df["revenue"] = df.units * df.price
      by_region = df.groupby("region").revenue.sum()
      by_region.plot(kind="bar", title="Revenue by region")
      os.makedirs("out", exist_ok=True)
      with open("out/summary.txt", "w") as f:
          f.write(f"rows={len(df)} total={df.revenue.sum()}\\n")
      print("regions:", len(by_region))
      """;

  private static final String CSV =
      "month,region,units,price\n1,north,10,2.5\n1,south,4,10\n2,north,6,2.5\n2,south,8,10\n";

  @TempDir static Path shared;
  private static Served served;

  @TempDir Path dir;

  @BeforeAll
  static void serve() throws IOException {
    served = BulwarkProcess.serveWithoutPools(shared);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    BulwarkProcess.stop(served);
  }

  private List<String> remote() {
    return BulwarkProcess.remote(served);
  }

  @Test
  void aCsvGoesInAndAChartAndASummaryComeOutOnThisHost() throws Exception {
    analyse(List.of());
  }

  @Test
  void aCsvGoesInAndAChartAndASummaryComeOutOnAServer() throws Exception {
    analyse(remote());
  }

  private void analyse(List<String> where) throws Exception {
    Path csv = Files.writeString(dir.resolve("data.csv"), CSV);
    Path program = Files.writeString(dir.resolve("analysis.py"), ANALYSIS);
    Path out = dir.resolve("results");
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--file",
                csv + "=sales.csv",
                "--artifact",
                "out/*.txt",
                "--out",
                out.toString(),
                program.toString()));
    args.addAll(where);
    Finished f = BulwarkProcess.run(args, new byte[0]);
    assertThat(f.exitCode()).as(f.describe()).isZero();
    assertThat(f.out()).isEqualTo("regions: 2\n");
    Path chart = out.resolve("output-1.png");
    BufferedImage image = ImageIO.read(chart.toFile());
    assertThat(image).as("the chart decodes as an image").isNotNull();
    assertThat(image.getWidth()).isGreaterThan(100);
    assertThat(out.resolve("out/summary.txt")).hasContent("rows=4 total=160.0");
    assertThat(f.err())
        .contains("bulwark: saved " + chart)
        .contains("bulwark: saved " + out.resolve("out/summary.txt"));
  }

  @Test
  void jsonIsStillOneObjectAndTheFilesAreSaved() throws Exception {
    Path program =
        Files.writeString(
            dir.resolve("upper.py"), "open('out.txt', 'w').write(open('in.txt').read().upper())\n");
    Path in = Files.writeString(dir.resolve("in.txt"), "hello");
    Path out = dir.resolve("results");
    Finished f =
        BulwarkProcess.run(
            "run",
            "--json",
            "--file",
            in.toString(),
            "--artifact",
            "out.txt",
            "--out",
            out.toString(),
            program.toString());
    assertThat(f.exitCode()).as(f.describe()).isZero();
    assertThat(f.out().lines()).hasSize(1);
    JsonNode result = Json.mapper().readTree(f.out());
    assertThat(result.get("artifacts").get(0).get("name").asString()).isEqualTo("out.txt");
    assertThat(out.resolve("out.txt")).hasContent("HELLO");
  }

  @Test
  void anArtifactThatIsASymbolicLinkToAHostFileIsNotFollowed() throws Exception {
    // A file of the host that the sandbox sees read-only: the link's target would be readable.
    Path secret = Path.of(System.getProperty("java.home"), "release");
    String secretBytes = Files.readString(secret);
    Path program =
        Files.writeString(
            dir.resolve("leak.py"),
            "import os\nos.symlink(%s, 'leak.txt')\nos.symlink('/etc', 'etc.txt')\n"
                .formatted(Json.write(secret.toString())));
    Path out = dir.resolve("results");
    for (List<String> where : List.of(List.<String>of(), remote())) {
      List<String> args =
          new ArrayList<>(
              List.of("run", "--artifact", "*.txt", "--out", out.toString(), program.toString()));
      args.addAll(where);
      Finished f = BulwarkProcess.run(args, new byte[0]);
      assertThat(f.exitCode()).as(f.describe()).isZero();
      try (Stream<Path> files = Files.walk(out)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file)).doesNotContain(secretBytes.strip());
        }
      }
      try (Stream<Path> files = Files.walk(out)) {
        assertThat(files.filter(Files::isSymbolicLink)).isEmpty();
      }
    }
  }

  @Test
  void javascriptAndBashRunsTakeFilesAndReturnArtifactsToo() throws Exception {
    Path csv = Files.writeString(dir.resolve("data.csv"), CSV);
    Path js =
        Files.writeString(
            dir.resolve("count.js"),
            "const fs = require('fs');\n"
                + "const rows = fs.readFileSync('data.csv', 'utf8').trim().split('\\n').length - 1;\n"
                + "fs.writeFileSync('rows.txt', 'js ' + rows);\n");
    Path sh =
        Files.writeString(
            dir.resolve("count.sh"), "printf 'sh %d' $(( $(wc -l < data.csv) - 1 )) > rows.txt\n");
    for (Path program : List.of(js, sh)) {
      for (List<String> where : List.of(List.<String>of(), remote())) {
        Path out = dir.resolve("out-" + program.getFileName() + "-" + where.size());
        List<String> args =
            new ArrayList<>(
                List.of(
                    "run",
                    "--file",
                    csv.toString(),
                    "--artifact",
                    "rows.txt",
                    "--out",
                    out.toString(),
                    program.toString()));
        args.addAll(where);
        Finished f = BulwarkProcess.run(args, new byte[0]);
        assertThat(f.exitCode()).as(f.describe()).isZero();
        String lang = program.toString().endsWith(".js") ? "js" : "sh";
        assertThat(out.resolve("rows.txt")).hasContent(lang + " 4");
        assertThat(f.err()).contains(out.resolve("rows.txt").toString());
      }
    }
  }

  @Test
  void anArtifactWithoutOutIsRefusedWithExit2() throws Exception {
    Path program = Files.writeString(dir.resolve("p.py"), "print(1)\n");
    Finished f = BulwarkProcess.run("run", "--artifact", "*.png", program.toString());
    assertThat(f.exitCode()).as(f.describe()).isEqualTo(ExitCode.USAGE);
    assertThat(f.err()).isEqualTo("bulwark: --artifact needs --out DIR to save them in\n");
  }
}
