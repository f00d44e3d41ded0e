package dev.bulwark.api;

import dev.bulwark.Execution;
import dev.bulwark.ExecutionListener;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.Output;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An execution as Server-Sent Events: {@code finding} events before the program runs, then {@code
 * stdout} and {@code stderr} chunks ({@code {"text": ...}}) and {@code display} outputs (the
 * model's {@code Output}) as they come, and a final {@code result}. When the client goes away, what
 * {@link #whenGone} names runs once (the server cancels the run). A stream kept alive ({@link
 * #keepingAlive}) notices a client that went away while the program prints nothing: a comment line
 * is sent at each beat of silence, and a write to a closed connection fails by the second beat.
 */
final class EventStream implements ExecutionListener {
  private final OutputStream out;
  private final Map<Stream, Utf8> decoders = new EnumMap<>(Stream.class);
  private Runnable onGone = () -> {}; // guarded by this, as are closed, finished and lastWrite
  private boolean closed;
  private boolean finished;
  private long lastWrite = System.nanoTime();
  private Thread beat;

  EventStream(OutputStream out) {
    this.out = out;
    decoders.put(Stream.STDOUT, new Utf8());
    decoders.put(Stream.STDERR, new Utf8());
  }

  @Override
  public void started(Execution execution) {
    whenGone(execution::cancel);
  }

  @Override
  public void decided(List<Finding> findings) {
    for (Finding f : findings) {
      send("finding", f);
    }
  }

  @Override
  public void output(Stream stream, byte[] chunk) {
    String text;
    synchronized (this) {
      text = decoders.get(stream).decode(chunk);
    }
    if (!text.isEmpty()) {
      send(stream.name().toLowerCase(Locale.ROOT), Map.of("text", text));
    }
  }

  @Override
  public void display(Output output) {
    send("display", output);
  }

  /** What to do once the client has gone: at once when it has gone already. */
  void whenGone(Runnable action) {
    boolean gone;
    synchronized (this) {
      onGone = action;
      gone = closed;
    }
    if (gone) {
      action.run();
    }
  }

  /** Whether the client has gone: a write failed. */
  synchronized boolean gone() {
    return closed;
  }

  /**
   * Sends a comment line ({@code : keep-alive}, which clients ignore) after each {@code every} in
   * which nothing else was sent, until {@link #finish}.
   */
  EventStream keepingAlive(Duration every) {
    Thread t =
        Thread.ofVirtual()
            .name("bulwark-sse-beat")
            .unstarted(() -> {
              while (beat(every)) {
                try {
                  Thread.sleep(every);
                } catch (InterruptedException e) {
                  return; // finished
                }
              }
            });
    synchronized (this) {
      beat = t;
    }
    t.start();
    return this;
  }

  /** One beat: a comment when the stream was silent; false once it is finished or gone. */
  private synchronized boolean beat(Duration every) {
    if (closed || finished) {
      return false;
    }
    if (System.nanoTime() - lastWrite >= every.toNanos()) {
      write(": keep-alive\n\n");
    }
    return !closed;
  }

  /** Sends the last event, {@code result}, and stops the beat. */
  void finish(Object result) {
    send("result", result);
    stop();
  }

  /** Stops the beat; nothing is sent after the last event. */
  synchronized void stop() {
    finished = true;
    if (beat != null) {
      beat.interrupt();
    }
  }

  /** Writes one event and flushes it; after a failed write, nothing more is sent. */
  synchronized void send(String event, Object data) {
    if (!closed) {
      write("event: " + event + "\ndata: " + Json.write(data) + "\n\n");
    }
  }

  /** Writes and flushes; a failed write means the client has gone. Called holding this. */
  private void write(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      lastWrite = System.nanoTime();
    } catch (IOException e) {
      closed = true;
      onGone.run();
    }
  }

  /** Decodes UTF-8 across chunk boundaries: a character split between chunks is kept whole. */
  private static final class Utf8 {
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    String decode(byte[] chunk) {
      ByteBuffer in = ByteBuffer.allocate(pending.remaining() + chunk.length);
      in.put(pending).put(chunk).flip();
      CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
      decoder.decode(in, chars, false);
      pending = in.slice(); // at most the first bytes of one character
      return chars.flip().toString();
    }
  }
}
