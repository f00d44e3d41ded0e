package dev.bulwark.api;

import dev.bulwark.Execution;
import dev.bulwark.ExecutionListener;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An execution as Server-Sent Events: {@code finding} events before the program runs, then {@code
 * stdout} and {@code stderr} chunks ({@code {"text": ...}}) as they come, and a final {@code
 * result}. When the client goes away, the execution is cancelled and {@code onClose} runs once.
 */
final class EventStream implements ExecutionListener {
  private final OutputStream out;
  private final Runnable onClose;
  private volatile Execution execution; // null until the engine started it
  private final Map<Stream, Utf8> decoders = new EnumMap<>(Stream.class);
  private boolean closed;

  EventStream(OutputStream out) {
    this(out, () -> {});
  }

  EventStream(OutputStream out, Runnable onClose) {
    this.out = out;
    this.onClose = onClose;
    decoders.put(Stream.STDOUT, new Utf8());
    decoders.put(Stream.STDERR, new Utf8());
  }

  @Override
  public void started(Execution running) {
    execution = running;
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
      send(stream.name().toLowerCase(java.util.Locale.ROOT), Map.of("text", text));
    }
  }

  /** Writes one event and flushes it; after a failed write, nothing more is sent. */
  synchronized void send(String event, Object data) {
    if (closed) {
      return;
    }
    try {
      out.write(
          ("event: " + event + "\ndata: " + Json.write(data) + "\n\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      closed = true;
      Execution running = execution;
      if (running != null) {
        running.cancel(); // the client went away: stop the run
      }
      onClose.run();
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
