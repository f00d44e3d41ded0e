package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
        new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          public int read(byte[] b, int off, int len) throws java.io.IOException {
            return super.read(b, off, Math.min(len, 37)); // odd-sized pieces, as pipes deliver them
          }
        });
    String expectedTail = text.substring(text.length() - 500);
    assertThat(c.text()).startsWith(text.substring(0, 500)).endsWith(expectedTail);
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
