package dev.bulwark.internal.session;

import dev.bulwark.Session;
import dev.bulwark.SessionDeadException;
import dev.bulwark.SessionEnd;
import dev.bulwark.SessionFileException;
import dev.bulwark.WorkspacePath;
import dev.bulwark.internal.runtime.Frame;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A session's file operations, each a numbered exchange of frames with the agent, which serves them
 * in the sandbox's own view (docs/architecture.md, "The host-agent protocol"): the host never
 * follows a name in a directory the sandbox can write. Paths are checked here first ({@link
 * WorkspacePath}) and again by the agent. Any number of operations may run at once, beside a cell.
 *
 * <p>The session's reader thread hands each answer frame to the operation it belongs to ({@link
 * #accept}); the operation's caller reads them from its queue. A download's data waits in a queue
 * of bounded frames: a slow sink slows the agent's frames, never fills the host's memory.
 */
final class Transfers {
  private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

  /** Frames of one download the host holds before the reader waits: 4 MiB. */
  private static final int QUEUED = 64;

  /** A frame that stands for the session's end in an operation's queue. */
  private static final Frame GONE = new Frame(Frame.Kind.FAIL, -1, new byte[0]);

  private final LiveSession session;
  private final Map<Integer, BlockingQueue<Frame>> pending = new ConcurrentHashMap<>();

  Transfers(LiveSession session) {
    this.session = session;
  }

  /** An answer of the agent's, on the session's reader thread. */
  void accept(Frame f) {
    BlockingQueue<Frame> q = pending.get(f.id());
    if (q == null) {
      LOG.debug("session {}: a {} frame for no operation ({})", session.id(), f.kind(), f.id());
      return;
    }
    try {
      q.put(f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The session ended: every operation that waits stops waiting. */
  void sessionEnded(SessionEnd end) {
    for (BlockingQueue<Frame> q : pending.values()) {
      q.clear();
      q.offer(GONE);
    }
  }

  FileInfo upload(int op, String path, InputStream content, long limit) {
    String checked = check(path);
    BlockingQueue<Frame> answers = open(op);
    try {
      session.send(Frame.Kind.PUT, op, Map.of("path", checked, "max", limit));
      byte[] chunk = new byte[Frame.Sizes.CHUNK];
      long sent = 0;
      try {
        for (int n; (n = content.readNBytes(chunk, 0, chunk.length)) > 0; ) {
          sent += n;
          if (sent > limit) {
            session.send(Frame.Kind.ABORT, op);
            throw new SessionFileException(
                SessionFileException.Kind.TOO_LARGE,
                path,
                "over the session's file size limit of " + limit + " bytes");
          }
          session.sendBytes(Frame.Kind.DATA, op, chunk, n);
        }
      } catch (IOException e) {
        session.send(Frame.Kind.ABORT, op);
        session.checkAlive();
        throw new UncheckedIOException("the upload's content failed: " + e.getMessage(), e);
      }
      session.send(Frame.Kind.END, op);
      return info(answer(op, path, answers));
    } finally {
      pending.remove(op);
    }
  }

  FileInfo download(int op, String path, OutputStream sink, long limit) {
    String checked = check(path);
    BlockingQueue<Frame> answers = open(op);
    boolean sinkFailed = false;
    try {
      session.send(Frame.Kind.GET, op, Map.of("path", checked, "max", limit));
      FileInfo info = info(answer(op, path, answers));
      long received = 0;
      while (true) {
        Frame f = take(answers);
        if (f == GONE) {
          session.checkAlive();
          throw new UncheckedIOException(new IOException("the download was cut short"));
        }
        if (f.kind() == Frame.Kind.END) {
          break;
        }
        received += f.payload().length;
        if (received > limit || received > info.size()) {
          throw new UncheckedIOException(
              new IOException("the sandbox sent more than the file's size"));
        }
        if (!sinkFailed) {
          try {
            sink.write(f.payload());
          } catch (IOException e) {
            sinkFailed = true; // the rest is read and dropped: the agent sends it anyway
            LOG.debug("session {}: a download's sink failed: {}", session.id(), e.getMessage());
          }
        }
      }
      if (sinkFailed) {
        throw new UncheckedIOException(new IOException("the download's sink failed"));
      }
      return info;
    } finally {
      pending.remove(op);
    }
  }

  FileListing list(int op, String directory) {
    String checked = directory.isEmpty() ? "" : check(directory);
    BlockingQueue<Frame> answers = open(op);
    try {
      session.send(Frame.Kind.LIST, op, Map.of("path", checked, "max", Session.MAX_LISTED));
      return Json.mapper().readValue(answer(op, directory, answers).payload(), FileListing.class);
    } catch (RuntimeException e) {
      if (e instanceof SessionFileException || e instanceof SessionDeadException) {
        throw e;
      }
      throw new IllegalStateException("the sandbox's listing was refused: " + e.getMessage(), e);
    } finally {
      pending.remove(op);
    }
  }

  void delete(int op, String path) {
    String checked = check(path);
    BlockingQueue<Frame> answers = open(op);
    try {
      session.send(Frame.Kind.DELETE, op, Map.of("path", checked));
      answer(op, path, answers);
    } finally {
      pending.remove(op);
    }
  }

  private BlockingQueue<Frame> open(int op) {
    BlockingQueue<Frame> q = new LinkedBlockingQueue<>(QUEUED);
    pending.put(op, q);
    session.checkAlive(); // it may have ended before the queue was there to be told
    return q;
  }

  private static String check(String path) {
    try {
      return WorkspacePath.check("path", path);
    } catch (IllegalArgumentException e) {
      throw new SessionFileException(SessionFileException.Kind.INVALID_PATH, path, e.getMessage());
    }
  }

  /** The operation's first answer: {@code ok}, or its refusal thrown. */
  private Frame answer(int op, String path, BlockingQueue<Frame> answers) {
    Frame f = take(answers);
    if (f == GONE) {
      session.checkAlive();
      throw new IllegalStateException("the session ended");
    }
    if (f.kind() == Frame.Kind.OK) {
      return f;
    }
    if (f.kind() != Frame.Kind.FAIL) {
      throw new IllegalStateException("operation " + op + ": a " + f.kind() + " frame first");
    }
    JsonNode node = Json.mapper().readTree(f.payload());
    SessionFileException.Kind kind;
    try {
      kind = SessionFileException.Kind.valueOf(node.path("kind").asString("NOT_A_FILE"));
    } catch (IllegalArgumentException e) {
      kind = SessionFileException.Kind.NOT_A_FILE;
    }
    String message = node.path("message").asString("refused");
    throw new SessionFileException(
        kind, path, message.substring(0, Math.min(500, message.length())));
  }

  private static Frame take(BlockingQueue<Frame> answers) {
    try {
      return answers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the sandbox answered", e);
    }
  }

  private static FileInfo info(Frame ok) {
    return Json.mapper().readValue(ok.payload(), FileInfo.class);
  }
}
