package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.BulwarkProcess.Finished;
import dev.bulwark.cli.BulwarkProcess.Served;
import dev.bulwark.model.Json;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code bulwark session ...} as a shell script uses it, against a real {@code bulwark serve}. */
class SessionCommandTest {
  private static final String CSV =
      "month,region,units,price\n1,north,10,2.5\n1,south,4,10\n2,north,6,2.5\n2,south,8,10\n";

  @TempDir static Path shared;
  private static Served served;

  @TempDir Path dir;

  @BeforeAll
  static void serve() throws Exception {
    served = BulwarkProcess.serveWithoutPools(shared);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    BulwarkProcess.stop(served);
  }

  /** {@code bulwark session ARGS --server URL --key KEY}, {@code stdin} piped in. */
  private static Finished session(byte[] stdin, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("session"));
    all.addAll(List.of(args));
    all.addAll(BulwarkProcess.remote(served));
    return BulwarkProcess.run(all, stdin);
  }

  private static Finished session(String... args) throws Exception {
    return session(new byte[0], args);
  }

  private static Finished ok(Finished f) {
    assertThat(f.exitCode()).as(f.describe()).isZero();
    return f;
  }

  private static String start() throws Exception {
    String id = ok(session("start", "--language", "python", "--ttl", "5m")).out().strip();
    assertThat(id).matches("[A-Za-z0-9_-]+");
    return id;
  }

  @Test
  void aSessionKeepsItsStateAndFilesFromOneCommandToTheNext() throws Exception {
    String id = start();
    Path csv = Files.writeString(dir.resolve("data.csv"), CSV);
    assertThat(ok(session("put", id, csv.toString(), "sales.csv")).out())
        .startsWith("sales.csv\t" + CSV.length() + "\tfile\t");
    ok(session("exec", id, "import pandas as pd\ndf = pd.read_csv('sales.csv')"));
    assertThat(ok(session("exec", id, "len(df)")).out()).isEqualTo("4\n");
    byte[] piped = "print(df.units.sum())\n".getBytes(StandardCharsets.UTF_8);
    assertThat(ok(session(piped, "exec", id)).out()).isEqualTo("28\n");

    Path cell = Files.writeString(dir.resolve("chart.py"), "df.plot(x='month', y='units')\n");
    Path charts = dir.resolve("charts");
    Finished drawn = ok(session("exec", id, "--file", cell.toString(), "--out", charts.toString()));
    Path png = charts.resolve("cell-4-output-1.png");
    assertThat(drawn.err()).contains("bulwark: saved " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("the chart decodes").isNotNull();

    ok(
        session(
            "exec",
            id,
            "open('out/done.txt', 'w').write('done') if __import__('os')"
                + ".makedirs('out', exist_ok=True) is None else None"));
    assertThat(ok(session("ls", id)).out().lines())
        .anyMatch(line -> line.startsWith("sales.csv\t" + CSV.length() + "\tfile\t"))
        .anyMatch(line -> line.startsWith("out\t0\tdirectory\t"));
    assertThat(ok(session("ls", id, "out")).out()).startsWith("out/done.txt\t4\tfile\t");
    assertThat(ok(session("get", id, "out/done.txt")).out()).isEqualTo("done");
    Path local = dir.resolve("done.txt");
    ok(session("get", id, "out/done.txt", local.toString()));
    assertThat(local).hasContent("done");

    assertThat(ok(session("list")).out()).contains(id + "\tpython\tidle\t");
    JsonNode info = Json.mapper().readTree(ok(session("info", id)).out());
    assertThat(info.get("state").asString()).isEqualTo("idle");
    assertThat(info.get("cells").asInt()).isEqualTo(5);

    ok(session("stop", id));
    Finished after = session("exec", id, "len(df)");
    assertThat(after.exitCode()).as(after.describe()).isEqualTo(ExitCode.USAGE);
    assertThat(after.err())
        .isEqualTo("bulwark: no session " + id + " of this tenant" + " (session_not_found)\n");
    assertThat(ok(session("list")).out()).doesNotContain(id);
  }

  @Test
  void startWithJsonPrintsTheWholeSession() throws Exception {
    JsonNode info =
        Json.mapper()
            .readTree(ok(session("start", "--json", "-l", "bash", "--timeout", "5s")).out());
    String id = info.get("id").asString();
    try {
      assertThat(info.get("language").asString()).isEqualTo("bash");
      assertThat(info.get("state").asString()).isEqualTo("idle");
      assertThat(info.get("limits").get("timeout").asString()).isEqualTo("5s");
      assertThat(ok(session("exec", id, "cd /tmp; X=4")).out()).isEmpty();
      assertThat(ok(session("exec", id, "echo $X $PWD")).out()).isEqualTo("4 /tmp\n");
    } finally {
      ok(session("stop", id));
    }
  }

  @Test
  void aCellThatFailsIsExit1AndASessionThatEndedSaysWhyWithExit1() throws Exception {
    String id = start();
    Finished failed = session("exec", id, "1 / 0");
    assertThat(failed.exitCode()).as(failed.describe()).isEqualTo(ExitCode.FAILED);
    assertThat(failed.err()).contains("ZeroDivisionError").contains("bulwark: ERROR:");

    // The kernel ends its own session: it kills the session agent, its parent.
    session("exec", id, "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)");
    Finished dead = session("exec", id, "print(1)");
    assertThat(dead.exitCode()).as(dead.describe()).isEqualTo(ExitCode.FAILED);
    assertThat(dead.err()).contains("session_dead: SANDBOX_EXITED").doesNotContain("\tat ");
  }

  @Test
  void anUnknownSessionABadPathAndAMissingFileAreExit2() throws Exception {
    Finished unknown = session("exec", "s-nosuchsession", "print(1)");
    assertThat(unknown.exitCode()).as(unknown.describe()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("session_not_found");

    String id = start();
    try {
      Finished escape = session("get", id, "../../etc/passwd");
      assertThat(escape.exitCode()).as(escape.describe()).isEqualTo(ExitCode.USAGE);
      assertThat(escape.err()).contains("invalid_path");
      assertThat(escape.out()).isEmpty();

      Finished missing = session("put", id, dir.resolve("missing.csv").toString());
      assertThat(missing.exitCode()).as(missing.describe()).isEqualTo(ExitCode.USAGE);
      assertThat(missing.err()).contains("missing.csv: no such file");

      Finished absent = session("get", id, "absent.txt", dir.resolve("absent.txt").toString());
      assertThat(absent.exitCode()).as(absent.describe()).isEqualTo(ExitCode.USAGE);
      assertThat(absent.err()).contains("file_not_found");
      assertThat(dir.resolve("absent.txt")).doesNotExist();
    } finally {
      ok(session("stop", id));
    }
  }

  @Test
  void withoutAServerTheCommandSaysWhichFlagToGive() throws Exception {
    Finished f = BulwarkProcess.run("session", "list");
    assertThat(f.exitCode()).as(f.describe()).isEqualTo(ExitCode.USAGE);
    assertThat(f.err()).isEqualTo("bulwark: no server: give --server URL or set $BULWARK_SERVER\n");
  }
}
