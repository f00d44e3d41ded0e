package dev.bulwark.internal.run;

import dev.bulwark.OutputCaps;
import dev.bulwark.WorkspacePath;
import dev.bulwark.internal.runtime.Frame;
import dev.bulwark.internal.runtime.FrameReader;
import dev.bulwark.model.Artifact;
import dev.bulwark.model.Json;
import dev.bulwark.model.Output;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A one-shot run's outputs channel: the socket its runner connects to, at {@code
 * /run/bulwark/outputs.sock}, to send rich outputs as they are made ({@code display} frames) and,
 * once the program ended, the workspace files its artifact patterns match ({@code artifact}, {@code
 * data}..., {@code end}). Everything on it comes from the sandbox, where the program can forge it:
 * frames are read with the protocol's bounds, outputs kept within {@link OutputCaps}, artifacts
 * within their count and bytes, names checked as workspace paths; a forged frame confuses only the
 * run's own outputs. Thread-safe: readers on virtual threads, the run reads the results after
 * {@link #finish}.
 */
final class RunChannel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunChannel.class);

  /** The socket's name in the code directory. */
  static final String NAME = "outputs.sock";

  /** The most connections one run may open: the runner's, and a few a program may forge. */
  private static final int MAX_CONNECTIONS = 8;

  private static final Map<String, String> MEDIA_TYPES =
      Map.ofEntries(
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("csv", "text/csv"),
          Map.entry("txt", "text/plain"),
          Map.entry("md", "text/markdown"),
          Map.entry("html", "text/html"),
          Map.entry("json", "application/json"));

  private final ServerSocketChannel server;
  private final OutputCaps caps;
  private final ArtifactStore store;
  private final Displays displays;
  private final Selector selector;
  private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
  private volatile boolean draining;
  private Thread acceptor;
  private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
  private final List<Artifact> artifacts = new ArrayList<>();
  private long artifactBytes;
  private int artifactsCut;

  private RunChannel(
      ServerSocketChannel server,
      Selector selector,
      OutputCaps caps,
      ArtifactStore store,
      Consumer<Output> listener) {
    this.server = server;
    this.selector = selector;
    this.caps = caps;
    this.store = store;
    this.displays = new Displays(caps, listener);
  }

  /** Opens and starts accepting; null when the tier has no channels. */
  static RunChannel open(
      dev.bulwark.spi.Sandbox sandbox,
      OutputCaps caps,
      ArtifactStore store,
      Consumer<Output> listener)
      throws IOException {
    ServerSocketChannel server = sandbox.openChannel(NAME);
    if (server == null) {
      return null;
    }
    Selector selector;
    try {
      server.configureBlocking(false);
      selector = Selector.open();
      server.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    RunChannel channel = new RunChannel(server, selector, caps, store, listener);
    channel.acceptor = Thread.ofVirtual().name(sandbox.name() + "-outputs").start(channel::accept);
    return channel;
  }

  /**
   * Accepts until the run drains the channel, then once more: a runner that connected just before
   * its end frames is still in the backlog, and is read.
   */
  private void accept() {
    try {
      int n = 0;
      while (n < MAX_CONNECTIONS) {
        boolean last = draining;
        if (last) { // the wakeup may have been spent on the select before: do not block again
          selector.selectNow();
        } else {
          selector.select();
        }
        selector.selectedKeys().clear();
        for (SocketChannel c; n < MAX_CONNECTIONS && (c = server.accept()) != null; n++) {
          startReading(c);
        }
        if (last) {
          return;
        }
      }
    } catch (ClosedChannelException | ClosedSelectorException e) {
      // the run ended
    } catch (IOException e) {
      LOG.debug("a run's outputs channel stopped accepting: {}", e.getMessage());
    }
  }

  private void startReading(SocketChannel c) throws IOException {
    c.configureBlocking(true);
    connections.add(c);
    Thread t = Thread.ofVirtual().unstarted(() -> read(c));
    readers.add(t);
    t.start();
  }

  private void read(SocketChannel c) {
    try (InputStream in = Channels.newInputStream(c)) {
      FrameReader reader = new FrameReader(in, caps.maxOutputBytes());
      Pending pending = null;
      while (true) {
        Frame f = reader.next();
        switch (f.kind()) {
          case DISPLAY -> displays.offer(f.payload());
          case ARTIFACT -> pending = begin(f);
          case DATA -> {
            if (pending != null && !pending.add(f.payload())) {
              pending = null;
            }
          }
          case END -> {
            if (pending != null) {
              finish(pending);
            }
            pending = null;
          }
          default -> throw new FrameReader.ProtocolException("a " + f.kind() + " frame");
        }
      }
    } catch (EOFException e) {
      // the runner is done
    } catch (IOException e) {
      LOG.debug("a run's outputs channel was dropped: {}", e.getMessage());
    } finally {
      readers.remove(Thread.currentThread());
    }
  }

  /** An artifact being received, within what is left of the caps. */
  private static final class Pending {
    final String name;
    final long size;
    final long budget;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Pending(String name, long size, long budget) {
      this.name = name;
      this.size = size;
      this.budget = budget;
    }

    boolean add(byte[] data) {
      if (bytes.size() + (long) data.length > Math.min(size, budget)) {
        return false;
      }
      bytes.writeBytes(data);
      return true;
    }
  }

  private synchronized Pending begin(Frame f) {
    JsonNode node = Json.mapper().readTree(f.payload());
    String name = node.path("name").asString("");
    long size = node.path("size").asLong(-1);
    long budget = caps.maxArtifactBytes() - artifactBytes;
    try {
      WorkspacePath.check("artifact", name);
    } catch (IllegalArgumentException e) {
      artifactsCut++;
      return null;
    }
    if (size < 0 || size > budget || artifacts.size() >= caps.maxArtifacts()) {
      artifactsCut++;
      return null;
    }
    artifactBytes += size; // reserved: what arrives is at most this
    return new Pending(name, size, budget);
  }

  private synchronized void finish(Pending p) {
    byte[] content = p.bytes.toByteArray();
    artifactBytes -= p.size - content.length;
    String type = mediaType(p.name);
    artifacts.add(
        content.length <= caps.inlineArtifactBytes()
            ? Artifact.inline(p.name, type, content)
            : Artifact.kept(p.name, content.length, type, store.keep(content)));
  }

  static String mediaType(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MEDIA_TYPES.getOrDefault(ext, "application/octet-stream");
  }

  /**
   * Waits up to {@code max} for the connections to end (the runner closes its own before its end
   * frames), then closes what is left: a program holding a connection open delays nobody longer.
   */
  void finish(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    draining = true;
    selector.wakeup();
    try {
      acceptor.join(max);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Thread t : readers) {
      long left = deadline - System.nanoTime();
      try {
        if (left <= 0 || !t.join(Duration.ofNanos(left))) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
  }

  List<Output> outputs() {
    List<Output> all = new ArrayList<>(displays.outputs());
    synchronized (this) {
      if (artifactsCut > 0) {
        all.add(
            Output.text(
                "[... bulwark: "
                    + artifactsCut
                    + " artifact(s) not returned: over the caps of "
                    + caps.maxArtifacts()
                    + " artifacts and "
                    + caps.maxArtifactBytes()
                    + " bytes per run ...]"));
      }
    }
    return all;
  }

  synchronized List<Artifact> artifacts() {
    return List.copyOf(artifacts);
  }

  @Override
  public void close() {
    draining = true;
    try {
      selector.close();
      server.close();
    } catch (IOException e) {
      LOG.debug("closing a run's outputs channel: {}", e.getMessage());
    }
    for (SocketChannel c : connections) {
      try {
        c.close();
      } catch (IOException e) {
        LOG.debug("closing a connection of a run's outputs channel: {}", e.getMessage());
      }
    }
  }
}
