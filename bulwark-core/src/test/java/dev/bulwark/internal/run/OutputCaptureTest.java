package dev.bulwark.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
  @Test
  void shortOutputIsKeptWhole() {
    OutputCapture c = capture(1024, "hello\n", new AtomicInteger());
    assertThat(c.text()).isEqualTo("hello\n");
    assertThat(c.truncated()).isFalse();
  }

  @Test
  void longOutputKeepsHeadAndTailAndMarksTheCut() {
    String text = "HEAD" + "x".repeat(10_000) + "TAIL";
    OutputCapture c = capture(1024, text, new AtomicInteger());
    assertThat(c.truncated()).isTrue();
    assertThat(c.text()).startsWith("HEAD").endsWith("TAIL").contains("bytes of output cut");
    assertThat(c.text()).contains((text.length() - 1024) + " bytes");
    assertThat(c.totalBytes()).isEqualTo(text.length());
  }

  @Test
  void outputExactlyAtTheLimitIsNotTruncated() {
    OutputCapture c = capture(1024, "y".repeat(1024), new AtomicInteger());
    assertThat(c.truncated()).isFalse();
    assertThat(c.text()).hasSize(1024);
  }

  @Test
  void theTailRingWrapsAcrossSmallReads() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append(i).append('\n');
    }
    OutputCapture c = new OutputCapture(1000, () -> {});
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    c.drain(
        new FilterInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 37)); // odd-sized pieces, as pipes deliver them
          }
        });
    String expectedTail = text.substring(text.length() - 500);
    assertThat(c.text()).startsWith(text.substring(0, 500)).endsWith(expectedTail);
  }

  @Test
  void theRunnersEndFrameEndsTheStreamAndIsNotOutput() {
    List<String> heard = new ArrayList<>();
    OutputCapture c =
        new OutputCapture(
            1024, () -> {}, chunk -> heard.add(new String(chunk, StandardCharsets.UTF_8)));
    Iterator<String> reads = List.of("result\n", "\0BULWARK-END 3\n", "late\n").iterator();
    c.drain(
        new InputStream() { // as a pipe delivers the runner's writes
          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (!reads.hasNext()) {
              return -1;
            }
            byte[] next = reads.next().getBytes(StandardCharsets.UTF_8);
            System.arraycopy(next, 0, b, off, next.length);
            return next.length;
          }
        });
    assertThat(c.ended()).isCompletedWithValue(3);
    assertThat(reads.hasNext())
        .as("drain returns at the end frame: the supervising thread goes on at once")
        .isTrue();
    assertThat(c.text()).isEqualTo("result\n");
    assertThat(String.join("", heard)).isEqualTo("result\n");
    assertThat(c.totalBytes()).isEqualTo(7);

    OutputCapture errors = capture(1024, "oops\n\0BULWARK-END\n", new AtomicInteger());
    assertThat(errors.ended()).isCompletedWithValue(0);
    assertThat(errors.text()).isEqualTo("oops\n");

    OutputCapture plain = capture(1024, "no frame\n", new AtomicInteger());
    assertThat(plain.ended()).as("the stream just ended").isCompletedWithValue(null);
    OutputCapture lookalike = capture(1024, "\0BULWARK-END soon\n", new AtomicInteger());
    assertThat(lookalike.ended()).isCompletedWithValue(null);
    assertThat(lookalike.text()).isEqualTo("\0BULWARK-END soon\n");
  }

  @Test
  void anEndFrameAfterATruncatedOutputLeavesTheTailWhole() {
    String text = "HEAD" + "x".repeat(10_000) + "TAIL";
    OutputCapture c = capture(1024, text + "\0BULWARK-END 0\n", new AtomicInteger());
    assertThat(c.ended()).isCompletedWithValue(0);
    assertThat(c.text()).startsWith("HEAD").endsWith("xTAIL");
    assertThat(c.text()).contains((text.length() - 1024 + "\0BULWARK-END 0\n".length()) + " bytes");
  }

  @Test
  void floodIsReportedOnce() {
    AtomicInteger floods = new AtomicInteger();
    OutputCapture c = capture(1024, "z".repeat(1024 * (OutputCapture.FLOOD_FACTOR + 2)), floods);
    assertThat(c.flooded()).isTrue();
    assertThat(floods).hasValue(1);
  }

  private static OutputCapture capture(long limit, String text, AtomicInteger floods) {
    OutputCapture c = new OutputCapture(limit, floods::incrementAndGet);
    c.drain(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    return c;
  }
}
