package dev.bulwark.internal.session;

import dev.bulwark.Cell;
import dev.bulwark.ExecutionListener;
import dev.bulwark.OutputCaps;
import dev.bulwark.Session;
import dev.bulwark.SessionBusyException;
import dev.bulwark.SessionDeadException;
import dev.bulwark.SessionEnd;
import dev.bulwark.SessionSpec;
import dev.bulwark.internal.runtime.Frame;
import dev.bulwark.internal.runtime.FrameReader;
import dev.bulwark.internal.runtime.FrameWriter;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.model.Units;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.Usage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session of the engine: one sandbox whose agent serves cells and files for the session's whole
 * life ({@link Session} states the promises; docs/architecture.md the design and the protocol).
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>one reader thread takes every frame the agent sends and hands it to the cell ({@link
 *       CellRun}) or the file operation ({@link Transfers}) it belongs to; anything it cannot parse
 *       ends the session ({@link SessionEnd.Cause#PROTOCOL_ERROR});
 *   <li>at most one cell runs, under {@code cells}; file operations, interrupts and the getters run
 *       beside it;
 *   <li>the session ends once ({@link #die}): its sandbox is killed, what waits is released, the
 *       engine forgets it and destroys the sandbox off the caller's path; every call after that
 *       throws {@link SessionDeadException}, but the getters, {@link #interrupt()} and {@link
 *       #close()}.
 * </ul>
 */
final class LiveSession implements Session {
  private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);

  /** How long a restart may take before the session is given up. */
  private static final long RESTART_TIMEOUT_S = 30;

  private final String id;
  private final SessionSpec spec;
  private final RuntimeDescriptor runtime;
  private final RuntimeInfo runtimeInfo;
  private final Sandbox sandbox;
  private final Sessions owner;
  private final FrameWriter writer;
  private final FrameReader reader;
  private final Transfers transfers;
  private final ReentrantLock cells = new ReentrantLock(true);
  private final AtomicInteger cellCount = new AtomicInteger();
  private final AtomicInteger operations = new AtomicInteger();
  private final AtomicReference<SessionEnd> end = new AtomicReference<>();
  private final Map<Integer, CompletableFuture<Void>> restarts = new ConcurrentHashMap<>();
  private final AgentLog agentLog = new AgentLog();
  private final Instant startedAt = Instant.now();
  private volatile Instant lastActiveAt = startedAt;
  private volatile CellRun current;
  private volatile long oomSeen;
  private volatile Usage lastUsage = new Usage(0, 0, 0, 0);
  private volatile List<NetworkAttempt> lastNetwork = List.of();

  LiveSession(
      String id,
      SessionSpec spec,
      RuntimeDescriptor runtime,
      RuntimeInfo runtimeInfo,
      Sandbox sandbox,
      Sessions owner) {
    this.id = id;
    this.spec = spec;
    this.runtime = runtime;
    this.runtimeInfo = runtimeInfo;
    this.sandbox = sandbox;
    this.owner = owner;
    this.writer = new FrameWriter(sandbox.stdin());
    this.reader = new FrameReader(sandbox.stdout(), owner.caps().maxOutputBytes());
    this.transfers = new Transfers(this);
    this.oomSeen = usage().oomKills();
  }

  /** Tells the agent what the session may do, and starts reading it. */
  void begin() throws IOException {
    writer.send(
        Frame.Kind.START,
        0,
        Map.of(
            "egress", !spec.allowedHosts().isEmpty(),
            "figures", spec.figures().name().toLowerCase(Locale.ROOT),
            "maxOutputBytes", owner.caps().maxOutputBytes()));
    Thread.ofVirtual().name(id + "-frames").start(this::read);
    Thread.ofVirtual().name(id + "-log").start(() -> agentLog.drain(sandbox.stderr()));
  }

  // ---- the agent's frames -------------------------------------------------------------------

  private void read() {
    try {
      while (true) {
        Frame f = reader.next();
        switch (f.kind()) {
          case SUMMARY, OUT, ERR, DISPLAY, DONE -> {
            CellRun c = current;
            if (c != null && c.id() == f.id()) {
              c.accept(f);
            }
          }
          case OK, FAIL, DATA, END -> transfers.accept(f);
          case RESTARTED -> {
            CompletableFuture<Void> r = restarts.remove(f.id());
            if (r != null) {
              r.complete(null);
            }
          }
          default ->
              throw new FrameReader.ProtocolException("a " + f.kind() + " frame from the agent");
        }
      }
    } catch (FrameReader.ProtocolException e) {
      die(SessionEnd.Cause.PROTOCOL_ERROR, "the sandbox broke the protocol: " + e.getMessage());
    } catch (EOFException e) {
      sandboxEnded();
    } catch (IOException | RuntimeException e) {
      if (end.get() == null) {
        LOG.warn("session {}: reading its agent failed", id, e);
      }
      sandboxEnded();
    }
  }

  /** The agent's stream ended: the sandbox is gone, by OOM, by its code, or by a failure. */
  private void sandboxEnded() {
    if (end.get() != null) {
      return;
    }
    sandbox.kill();
    if (usage().oomKills() > oomSeen) {
      die(SessionEnd.Cause.OOM, oomReason());
    } else {
      String log = agentLog.tail();
      die(
          SessionEnd.Cause.SANDBOX_EXITED,
          "the session's sandbox ended" + (log.isBlank() ? "" : ": " + log));
    }
  }

  String oomReason() {
    return "out of memory: the session's memory limit of "
        + Units.formatSize(spec.limits().memoryBytes())
        + " was reached";
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /** Ends the session once: the sandbox is killed, waiters released, the engine told. */
  void die(SessionEnd.Cause cause, String reason) {
    SessionEnd e = new SessionEnd(cause, reason, Instant.now());
    if (!end.compareAndSet(null, e)) {
      return;
    }
    if (e.dead()) {
      LOG.info("session {} ended: {}", id, reason);
    }
    sandbox.kill();
    CellRun c = current;
    if (c != null) {
      c.sessionEnded(e);
    }
    transfers.sessionEnded(e);
    restarts.values().forEach(r -> r.complete(null));
    owner.ended(this);
  }

  /** Throws unless the session is alive. */
  void checkAlive() {
    SessionEnd e = end.get();
    if (e != null) {
      throw new SessionDeadException(id, e);
    }
  }

  /** Sends a frame; a failure to send means the sandbox is gone, which the reader reports. */
  void send(Frame.Kind kind, int frameId) {
    send(kind, frameId, null);
  }

  void send(Frame.Kind kind, int frameId, Object json) {
    try {
      if (json == null) {
        writer.send(kind, frameId);
      } else {
        writer.send(kind, frameId, json);
      }
    } catch (IOException e) {
      LOG.debug("session {}: cannot send {}: {}", id, kind, e.getMessage());
      sandboxEnded();
    }
  }

  void sendBytes(Frame.Kind kind, int frameId, byte[] data, int length) throws IOException {
    writer.send(kind, frameId, data, length);
  }

  // ---- Session ----------------------------------------------------------------------------

  @Override
  public String id() {
    return id;
  }

  @Override
  public String language() {
    return runtime.name();
  }

  @Override
  public SessionSpec spec() {
    return spec;
  }

  @Override
  public State state() {
    SessionEnd e = end.get();
    if (e != null) {
      return e.dead() ? State.DEAD : State.CLOSED;
    }
    return current != null ? State.BUSY : State.IDLE;
  }

  @Override
  public Optional<SessionEnd> end() {
    return Optional.ofNullable(end.get());
  }

  @Override
  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public Instant lastActiveAt() {
    return lastActiveAt;
  }

  @Override
  public int cellCount() {
    return cellCount.get();
  }

  @Override
  public long memoryBytes() {
    try {
      return end.get() != null ? 0 : sandbox.memoryBytes();
    } catch (RuntimeException e) {
      return 0; // it ended meanwhile
    }
  }

  @Override
  public ExecutionResult run(Cell cell) {
    return run(cell, ExecutionListener.NONE);
  }

  @Override
  public ExecutionResult run(Cell cell, ExecutionListener listener) {
    checkAlive();
    acquire(cell);
    try {
      checkAlive();
      checkOomWhileIdle();
      CellRun run = new CellRun(this, cellCount.incrementAndGet(), cell, listener);
      current = run;
      lastActiveAt = Instant.now();
      return owner.starter().start(run::run, run::cancel, listener);
    } finally {
      current = null;
      lastActiveAt = Instant.now();
      cells.unlock();
    }
  }

  private void acquire(Cell cell) {
    if (!cell.waitIfBusy()) {
      if (!cells.tryLock()) {
        throw new SessionBusyException(id);
      }
      return;
    }
    try {
      while (!cells.tryLock(100, TimeUnit.MILLISECONDS)) {
        checkAlive();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SessionBusyException(id);
    }
  }

  /** Memory ran out while no cell ran (a thread of an earlier cell): the session ends now. */
  private void checkOomWhileIdle() {
    long oom = usage().oomKills();
    if (oom > oomSeen) {
      die(SessionEnd.Cause.OOM, oomReason());
      checkAlive();
    }
  }

  @Override
  public void interrupt() {
    CellRun c = current;
    if (c != null && end.get() == null) {
      c.cancel();
    }
  }

  @Override
  public void restart() {
    checkAlive();
    boolean locked = false;
    try {
      CellRun c = current;
      if (c != null) {
        c.cancel();
      }
      locked = cells.tryLock(INTERRUPT_GRACE.toMillis() + 500, TimeUnit.MILLISECONDS);
      int op = operations.incrementAndGet();
      CompletableFuture<Void> done = new CompletableFuture<>();
      restarts.put(op, done);
      send(Frame.Kind.RESTART, op); // a cell that would not stop dies with its kernel
      if (!locked) {
        cells.lock();
        locked = true;
      }
      done.get(RESTART_TIMEOUT_S, TimeUnit.SECONDS);
      checkAlive();
      lastActiveAt = Instant.now();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      checkAlive();
    } catch (TimeoutException e) {
      die(SessionEnd.Cause.UNRESPONSIVE, "the interpreter did not restart in 30 s");
      checkAlive();
    } catch (ExecutionException e) {
      checkAlive();
    } finally {
      if (locked) {
        cells.unlock();
      }
    }
  }

  @Override
  public FileInfo upload(String path, InputStream content) {
    touch();
    return transfers.upload(operations.incrementAndGet(), path, content, fileLimit());
  }

  @Override
  public FileInfo download(String path, OutputStream sink) {
    touch();
    return transfers.download(operations.incrementAndGet(), path, sink, fileLimit());
  }

  @Override
  public FileListing list(String directory) {
    touch();
    return transfers.list(operations.incrementAndGet(), directory);
  }

  @Override
  public void delete(String path) {
    touch();
    transfers.delete(operations.incrementAndGet(), path);
  }

  @Override
  public void close() {
    die(SessionEnd.Cause.CLOSED, "closed by its owner");
  }

  // ---- for the session's parts -------------------------------------------------------------

  private void touch() {
    checkAlive();
    lastActiveAt = Instant.now();
  }

  private long fileLimit() {
    return spec.limits().fileSizeBytes();
  }

  Sandbox sandbox() {
    return sandbox;
  }

  /**
   * What the sandbox's tier counted, or what it counted last once the sandbox is gone (a session
   * that ended under its cell: its sandbox is destroyed in the background).
   */
  Usage usage() {
    try {
      Usage u = sandbox.usage();
      lastUsage = u;
      return u;
    } catch (RuntimeException e) {
      LOG.debug("session {}: its usage is no longer readable: {}", id, e.getMessage());
      return lastUsage;
    }
  }

  /** The sandbox's CPU time so far, or the last known once it is gone. */
  long cpuNanos() {
    try {
      return sandbox.cpuNanos();
    } catch (RuntimeException e) {
      return lastUsage.cpuNanos();
    }
  }

  /** The sandbox's egress attempts so far, or the last known once it is gone. */
  List<NetworkAttempt> network() {
    try {
      List<NetworkAttempt> n = sandbox.network();
      lastNetwork = n;
      return n;
    } catch (RuntimeException e) {
      LOG.debug("session {}: its network is no longer readable: {}", id, e.getMessage());
      return lastNetwork;
    }
  }

  RuntimeDescriptor runtime() {
    return runtime;
  }

  RuntimeInfo runtimeInfo() {
    return runtimeInfo;
  }

  OutputCaps caps() {
    return owner.caps();
  }

  @Override
  public String toString() {
    return "Session[" + id + ", " + runtime.name() + ", " + state() + "]";
  }

  /** The last lines the agent wrote to its stderr (its log), for why a sandbox ended. */
  private static final class AgentLog {
    private static final int KEEP = 2048;
    private final byte[] ring = new byte[KEEP];
    private long written;

    void drain(InputStream in) {
      byte[] buffer = new byte[4096];
      try (in) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          synchronized (this) {
            for (int i = 0; i < n; i++) {
              ring[(int) (written++ % KEEP)] = buffer[i];
            }
          }
        }
      } catch (IOException e) {
        LOG.debug("the agent's log ended: {}", e.getMessage());
      }
    }

    synchronized String tail() {
      int kept = (int) Math.min(written, KEEP);
      byte[] out = new byte[kept];
      for (int i = 0; i < kept; i++) {
        out[i] = ring[(int) ((written - kept + i) % KEEP)];
      }
      String text = new String(out, StandardCharsets.UTF_8).strip();
      return text.lines().reduce((a, b) -> b).orElse("");
    }
  }
}
