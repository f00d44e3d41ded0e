package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventStreamTest {
  /** A client that has hung up: every write fails, as Jetty's do then. */
  private static final class HungUp extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("the client closed the connection");
    }
  }

  @Test
  void aClientThatWentBeforeTheRunWasWatchedStillCancelsIt() {
    EventStream events = new EventStream(new HungUp());
    events.send("finding", Map.of("ruleId", "py.process"));
    assertThat(events.gone()).isTrue();
    AtomicInteger cancels = new AtomicInteger();
    events.whenGone(cancels::incrementAndGet);
    assertThat(cancels).as("cancelled at once").hasValue(1);
    events.send("stdout", Map.of("text", "x"));
    assertThat(cancels).as("once only").hasValue(1);
  }

  @Test
  void aClientThatGoesDuringTheRunCancelsItOnce() {
    EventStream events = new EventStream(new HungUp());
    AtomicInteger cancels = new AtomicInteger();
    events.whenGone(cancels::incrementAndGet);
    assertThat(cancels).hasValue(0);
    events.send("stdout", Map.of("text", "x"));
    events.finish(Map.of("status", "CANCELLED"));
    assertThat(cancels).hasValue(1);
  }

  @Test
  void eventsAreWrittenInTheServerSentEventsFormatResultLast() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventStream events = new EventStream(out);
    events.send("stdout", Map.of("text", "hi"));
    events.finish(Map.of("status", "OK"));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "event: stdout\ndata: {\"text\":\"hi\"}\n\nevent: result\ndata: {\"status\":\"OK\"}\n\n");
    assertThat(events.gone()).isFalse();
  }
}
