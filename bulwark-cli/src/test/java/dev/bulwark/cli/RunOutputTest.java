package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.BulwarkProcess.Finished;
import dev.bulwark.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code bulwark run}'s output, as a person at a terminal and a script reading a pipe see it. */
class RunOutputTest {
  private static final Pattern MARKER =
      Pattern.compile("\n\\[\\.\\.\\. bulwark: (\\d+) bytes of output cut \\.\\.\\.]\n");

  @TempDir Path dir;

  private Path program(String name, String code) throws Exception {
    return Files.writeString(dir.resolve(name), code);
  }

  @Test
  void aLineReachesTheTerminalWhileTheProgramIsStillRunning() throws Exception {
    Path ticks =
        program("ticks.py", "import time\nprint('tick 0')\ntime.sleep(120)\nprint('tick 1')\n");
    Process p = BulwarkProcess.inTerminal(List.of("run", ticks.toString()));
    try {
      BufferedReader terminal =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<List<String>> seen =
          CompletableFuture.supplyAsync(() -> linesUntil(terminal, "tick 0"));
      List<String> lines = seen.get(60, TimeUnit.SECONDS);
      assertThat(lines).last().asString().contains("tick 0");
      assertThat(p.isAlive()).as("the program sleeps two minutes after its first line").isTrue();
      assertThat(lines).noneMatch(line -> line.contains("tick 1"));
    } finally {
      BulwarkProcess.stop(p); // SIGTERM: bulwark cancels the run and tears its sandbox down
    }
  }

  private static List<String> linesUntil(BufferedReader in, String wanted) {
    List<String> lines = new ArrayList<>();
    try {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
        if (line.contains(wanted)) {
          return lines;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("the terminal closed before '" + wanted + "': " + lines);
  }

  @Test
  void jsonIsStillOneObjectAtTheEnd() throws Exception {
    Path three = program("three.py", "for i in range(3):\n    print('line', i, flush=True)\n");
    Finished f = BulwarkProcess.run("run", "--json", three.toString());
    assertThat(f.exitCode()).as(f.describe()).isZero();
    assertThat(f.out().lines()).hasSize(1);
    JsonNode result = Json.mapper().readTree(f.out());
    assertThat(result.get("stdout").asString()).isEqualTo("line 0\nline 1\nline 2\n");
  }

  @Test
  void pastTheOutputLimitTheStreamedHeadIsFollowedByAMarkerAndTheKeptTail() throws Exception {
    byte[] all = letters(5000);
    Finished f = printed(all, "1k");
    assertThat(f.err())
        .contains("bulwark: OUTPUT_LIMIT: output limit exceeded: head and tail kept");
    assertThat(f.exitCode()).as("a status but OK").isEqualTo(ExitCode.FAILED);
    String shown = new String(f.stdout(), StandardCharsets.US_ASCII);
    Matcher marker = MARKER.matcher(shown);
    assertThat(marker.find()).as(shown).isTrue();
    int cut = Integer.parseInt(marker.group(1));
    assertThat(shown.substring(0, marker.start()))
        .as("the first 1k bytes, streamed")
        .isEqualTo(new String(all, 0, 1024, StandardCharsets.US_ASCII));
    assertThat(shown.substring(marker.end()))
        .as("the end of the output, right after the bytes the marker counts")
        .isEqualTo(new String(all, 1024 + cut, 5000 - 1024 - cut, StandardCharsets.US_ASCII))
        .hasSizeGreaterThan(256);
  }

  @Test
  void aStreamJustOverTheLimitIsShownWholeWithoutRepeatingWhatWasShown() throws Exception {
    byte[] all = letters(1200);
    Finished f = printed(all, "1k");
    assertThat(new String(f.stdout(), StandardCharsets.UTF_8))
        .isEqualTo(new String(all, StandardCharsets.UTF_8));
  }

  @Test
  void aCharacterSplitWhereStreamingStoppedIsCompletedNotRepeated() throws Exception {
    byte[] all = ("a" + "\u00e9".repeat(600)).getBytes(StandardCharsets.UTF_8); // 1201 bytes
    Finished f = printed(all, "1k");
    assertThat(f.stdout()).isEqualTo(all);
  }

  /** What {@code bulwark run --output-limit LIMIT} shows of a program that writes {@code bytes}. */
  private Finished printed(byte[] bytes, String limit) throws Exception {
    Path data = Files.write(dir.resolve("data.bin"), bytes);
    Path copy =
        program("copy.py", "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n");
    return BulwarkProcess.run(
        List.of("run", "--output-limit", limit, "--stdin", data.toString(), copy.toString()),
        new byte[0]);
  }

  private static byte[] letters(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i % 61 == 60 ? '\n' : 'a' + i % 26);
    }
    return b;
  }
}
