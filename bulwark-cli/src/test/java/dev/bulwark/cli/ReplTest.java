package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.cli.BulwarkProcess.Finished;
import dev.bulwark.cli.BulwarkProcess.Served;
import dev.bulwark.model.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark repl} as a person at a terminal uses it (a real pseudo-terminal from {@code
 * script}, keys as the terminal sends them), and as a script pipes cells into it; judged from what
 * the terminal shows and from the host (the session's cgroups and directory).
 */
class ReplTest {
  private static final Path CGROUPS = Path.of("/sys/fs/cgroup");
  private static final Duration CELL = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void atATerminalStatePersistsBlocksRunCtrlCInterruptsAndCtrlDClosesTheSandbox() throws Exception {
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    Path state = Files.createDirectories(work.resolve("state"));
    Process repl =
        BulwarkProcess.inTerminal(
            List.of(
                "repl", "--state-dir", state.toString(), "--out", work.resolve("out").toString()));
    Screen screen = new Screen(repl.getInputStream());
    try (OutputStream keys = repl.getOutputStream()) {
      screen.shows(">>> ");
      String engine = engineId(state);
      assertThat(runCgroups(engine)).as("the session's sandbox cgroups").isNotEmpty();
      assertThat(state.resolve("engines").resolve(engine).resolve(engine + ".1")).isDirectory();

      type(keys, "x = 7\r");
      type(keys, "for i in range(3):\r    total = i * x\r    print('row', total)\r\r");
      screen.shows("row 14");

      // Ctrl-C while a cell runs: the cell is interrupted, the session and its state survive.
      type(keys, "print('spinning', flush=True); exec('while True: pass')\r");
      screen.shows("spinning\r\n");
      type(keys, "\u0003");
      screen.shows("CANCELLED");
      type(keys, "print('after', x)\r");
      screen.shows("after 7");

      // Ctrl-C at the prompt drops what was typed: the next line runs alone.
      type(keys, "undefined_name\u0003");
      type(keys, "print('clean', x * 2)\r");
      screen.shows("clean 14");
      assertThat(screen.text()).doesNotContain("NameError");

      type(keys, "\u0004"); // Ctrl-D
      assertThat(repl.waitFor(60, TimeUnit.SECONDS)).as(screen.text()).isTrue();
      assertThat(repl.exitValue()).as(screen.text()).isZero();
      assertThat(runCgroups(engine)).as("the session's cgroups, after Ctrl-D").isEmpty();
      assertThat(state.resolve("engines").resolve(engine))
          .as("the engine's directory, the session's sandbox in it")
          .doesNotExist();
    } finally {
      BulwarkProcess.stop(repl);
    }
  }

  @Test
  void fromAPipeCellsAreReadLineByLineAndImagesAreSavedWithTheirPaths() throws Exception {
    Path out = work.resolve("images");
    String cells =
        """
        import matplotlib.pyplot as plt
        totals = []
        for n in [1, 2, 3]:
            totals.append(n * n)

        sum(totals)
        plt.plot(totals)
        data = {
            "a": 1,
        }
        print(sorted(data))
        """;
    Finished f =
        BulwarkProcess.run(
            List.of("repl", "--out", out.toString()), cells.getBytes(StandardCharsets.UTF_8));
    assertThat(f.exitCode()).as(f.describe()).isZero();
    assertThat(f.out()).startsWith("14\n").endsWith("['a']\n");
    Path png = out.resolve("cell-5-output-1.png");
    assertThat(f.err()).contains("bulwark: saved " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("the figure decodes").isNotNull();
  }

  @Test
  void onAServerTheSessionLivesThereAndEndsWithTheInput() throws Exception {
    Served served = BulwarkProcess.serveWithoutPools(work);
    try {
      List<String> args = new ArrayList<>(List.of("repl", "--language", "javascript"));
      args.addAll(BulwarkProcess.remote(served));
      String cells =
          "let n = 20\nfunction twice(v) {\n  return v * 2\n}\nconsole.log(twice(n) + 2)\n";
      Finished f = BulwarkProcess.run(args, cells.getBytes(StandardCharsets.UTF_8));
      assertThat(f.exitCode()).as(f.describe()).isZero();
      assertThat(f.out()).contains("42\n");
      HttpResponse<String> sessions =
          HttpClient.newHttpClient()
              .send(
                  served.request("/v1/sessions").GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(Json.mapper().readTree(sessions.body()).get("sessions").isEmpty())
          .as("the server's sessions once the input ended: %s", sessions.body())
          .isTrue();
    } finally {
      BulwarkProcess.stop(served);
    }
  }

  private static void type(OutputStream keys, String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /** The engine the REPL started in {@code state}: the one directory under engines/. */
  private static String engineId(Path state) throws IOException {
    try (Stream<Path> engines = Files.list(state.resolve("engines"))) {
      return engines
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".lock"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** The engine's run cgroups ({@code bulwark/ID.N}) in every controller. */
  private static List<Path> runCgroups(String engine) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> controllers = Files.list(CGROUPS)) {
      for (Path base :
          controllers.map(c -> c.resolve("bulwark")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> runs = Files.list(base)) {
          runs.filter(r -> r.getFileName().toString().startsWith(engine + ".")).forEach(found::add);
        }
      }
    }
    return found;
  }

  /** What the terminal showed so far, read as it comes. */
  private static final class Screen {
    private final StringBuffer shown = new StringBuffer();

    Screen(InputStream terminal) {
      Thread.ofVirtual()
          .start(() -> {
            byte[] buffer = new byte[4096];
            try (terminal) {
              for (int n; (n = terminal.read(buffer)) > 0; ) {
                shown.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
              }
            } catch (IOException e) {
              shown.append("\n[the terminal closed: ").append(e.getMessage()).append("]");
            }
          });
    }

    String text() {
      return shown.toString();
    }

    void shows(String wanted) {
      await()
          .atMost(CELL)
          .pollInterval(Duration.ofMillis(50))
          .alias("the terminal to show " + wanted)
          .until(() -> text().contains(wanted));
    }
  }
}
