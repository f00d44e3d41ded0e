package dev.bulwark.attack;

import static dev.bulwark.attack.SessionTest.ok;
import static dev.bulwark.attack.SessionTest.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Cell;
import dev.bulwark.Execution;
import dev.bulwark.ExecutionListener;
import dev.bulwark.Session;
import dev.bulwark.SessionSpec;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FigureFormat;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Output;
import dev.bulwark.model.Status;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Rich outputs of a session's cells, decoded on the host: figures without savefig, a DataFrame's
 * HTML, display(), and errors whose traceback shows the user's code only; and stopping JavaScript
 * and Bash cells.
 */
class SessionOutputsTest {
  @Test
  void aMatplotlibFigureComesBackAsAPngOfItsSize() throws IOException {
    try (Session s = open("python")) {
      ExecutionResult r =
          ok(
              s,
              "import matplotlib.pyplot as plt\n"
                  + "fig = plt.figure(figsize=(4, 3), dpi=50)\n"
                  + "plt.plot([1, 2, 3], [1, 4, 9])\n"
                  + "x = 1");
      assertThat(r.outputs()).hasSize(1);
      Output figure = r.outputs().getFirst();
      assertThat(figure.outputType()).isEqualTo(Output.Type.DISPLAY_DATA);
      byte[] png = Base64.getDecoder().decode((String) figure.data().get("image/png"));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isEqualTo(200);
      assertThat(image.getHeight()).isEqualTo(150);
      assertThat(ok(s, "x").outputs()).hasSize(1); // the figure was shown once, then closed
    }
  }

  @Test
  void plotShowAndSvgOnRequest() {
    try (Session s =
        open(SessionSpec.of("python", TestEngine.LIMITS).withFigures(FigureFormat.SVG))) {
      ExecutionResult r =
          ok(s, "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\nprint('after')");
      assertThat(r.outputs()).hasSize(1);
      assertThat((String) r.outputs().getFirst().data().get("image/svg+xml")).contains("<svg");
      assertThat(r.stdout()).isEqualTo("after\n");
    }
  }

  @Test
  void aDataFrameShowsAsHtmlAndText() {
    try (Session s = open("python")) {
      ExecutionResult r = ok(s, "import pandas as pd\npd.DataFrame({'a': [1, 2], 'b': [3, 4]})");
      Output value = r.outputs().getFirst();
      assertThat(value.outputType()).isEqualTo(Output.Type.EXECUTE_RESULT);
      assertThat((String) value.data().get("text/html")).contains("<table").contains("<th>a</th>");
      assertThat((String) value.data().get("text/plain")).contains("a  b");
    }
  }

  @Test
  void displayAndReprMethodsAreHonoured() {
    try (Session s = open("python")) {
      ExecutionResult r =
          ok(
              s,
              "class Bold:\n    def _repr_html_(self):\n        return '<b>hi</b>'\n"
                  + "display(Bold())\ndisplay(42)");
      assertThat(r.outputs()).hasSize(2);
      assertThat(r.outputs().get(0).data()).containsEntry("text/html", "<b>hi</b>");
      assertThat(r.outputs().get(1).data()).containsEntry("text/plain", "42");
    }
  }

  @Test
  void anErrorIsStructuredAndItsTracebackShowsOnlyTheCell() {
    try (Session s = open("python")) {
      ok(s, "def f(x):\n    return 1 / x");
      ExecutionResult r = s.run(Cell.of("y = 2\nf(0)"));
      assertThat(r.status()).isEqualTo(Status.ERROR);
      Output error = r.outputs().getLast();
      assertThat(error.outputType()).isEqualTo(Output.Type.ERROR);
      assertThat(error.ename()).isEqualTo("ZeroDivisionError");
      assertThat(error.evalue()).isEqualTo("division by zero");
      String traceback = String.join("\n", error.traceback());
      assertThat(traceback)
          .contains("<cell-2>\", line 2")
          .contains("<cell-1>\", line 2, in f")
          .doesNotContain("/run/bulwark")
          .doesNotContain("kernel");
      assertThat(r.stderr()).contains("ZeroDivisionError").doesNotContain("/run/bulwark");
    }
  }

  @Test
  void aJavaScriptErrorIsStructuredWithTheCellsLines() {
    try (Session s = open("javascript")) {
      ExecutionResult r = s.run(Cell.of("const a = 1;\nnull.boom;"));
      assertThat(r.status()).isEqualTo(Status.ERROR);
      Output error = r.outputs().getLast();
      assertThat(error.ename()).isEqualTo("TypeError");
      assertThat(String.join("\n", error.traceback()))
          .contains("<cell-1>:2")
          .doesNotContain("/run/bulwark");
    }
  }

  @Test
  void javascriptCellsDisplayWithTheOneShotRunsDisplay() {
    try (Session s = open("javascript")) {
      ExecutionResult r =
          s.run(Cell.of("display({ a: [1, 2] });\ndisplay.html('<i>x</i>');\n({ b: 3 })"));
      assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
      List<Output> outputs = r.outputs();
      assertThat(outputs).hasSize(3);
      assertThat(outputs.get(0).data().get("application/json"))
          .isEqualTo(Map.of("a", List.of(1, 2)));
      assertThat(outputs.get(1).data().get("text/html")).isEqualTo("<i>x</i>");
      assertThat(outputs.get(2).outputType()).isEqualTo(Output.Type.EXECUTE_RESULT);
      assertThat(outputs.get(2).data().get("application/json")).isEqualTo(Map.of("b", 3));
    }
  }

  @Test
  void javascriptAndBashCellsAreInterruptedAndTheirSessionsSurvive() {
    for (String[] lang :
        new String[][] {
          {"javascript", "globalThis.kept = 5", "while (true) {}", "console.log(kept)"},
          {"bash", "kept=5", "while true; do :; done", "echo $kept"},
        }) {
      try (Session s = open(lang[0])) {
        ok(s, lang[1]);
        ExecutionResult r = s.run(Cell.of(lang[2]).withTimeout(Duration.ofMillis(500)));
        assertThat(r.status()).as(lang[0] + " " + r.reason()).isEqualTo(Status.TIMEOUT);
        assertThat(s.state()).isEqualTo(Session.State.IDLE);
        assertThat(ok(s, lang[3]).stdout()).isEqualTo("5\n");
      }
    }
  }

  @Test
  void aCellsListenerHearsItInOrderAndCanInterruptIt() {
    try (Session s = open("python")) {
      List<String> events = new CopyOnWriteArrayList<>();
      ExecutionListener listener =
          new ExecutionListener() {
            @Override
            public void started(Execution execution) {
              events.add("started");
            }

            @Override
            public void decided(List<Finding> findings) {
              events.add("decided");
            }

            @Override
            public void output(Stream stream, byte[] chunk) {
              events.add("output");
            }

            @Override
            public void display(Output output) {
              events.add("display " + output.outputType().wireName());
            }

            @Override
            public void completed(ExecutionResult result) {
              events.add("completed " + result.status());
            }
          };
      s.run(Cell.of("print('a')\n40 + 2"), listener);
      List<String> expected =
          List.of("started", "decided", "output", "display execute_result", "completed OK");
      // How many chunks a stream arrives in is the pipe's affair: one or more outputs in a row.
      List<String> heard = new ArrayList<>();
      for (String e : events) {
        if (!(e.equals("output") && !heard.isEmpty() && heard.getLast().equals("output"))) {
          heard.add(e);
        }
      }
      assertThat(heard).isEqualTo(expected);
      events.clear();
      ExecutionResult cancelled =
          s.run(
              Cell.of("import time\nwhile True: time.sleep(0.01)"),
              new ExecutionListener() {
                @Override
                public void decided(List<Finding> findings) {
                  Thread.ofVirtual()
                      .start(() -> {
                        await()
                            .atMost(Duration.ofSeconds(10))
                            .until(() -> s.state() == Session.State.BUSY);
                        s.interrupt();
                      });
                }
              });
      assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
    }
  }
}
