package dev.bulwark.internal.session;

import dev.bulwark.Cell;
import dev.bulwark.ExecutionListener;
import dev.bulwark.ExecutionListener.Stream;
import dev.bulwark.Session;
import dev.bulwark.SessionEnd;
import dev.bulwark.internal.run.Decider;
import dev.bulwark.internal.run.Decision;
import dev.bulwark.internal.run.Displays;
import dev.bulwark.internal.run.OutputCapture;
import dev.bulwark.internal.run.Verdict;
import dev.bulwark.internal.runtime.Frame;
import dev.bulwark.internal.validation.Summary;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.Limits;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.model.Status;
import dev.bulwark.model.Units;
import dev.bulwark.spi.Usage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One cell of a session, from its code to its result, on the caller's thread: send it,
 * <b>decide</b> (the agent's summary of it, found with what earlier cells defined, judged by the
 * session's policy; bash is read on the host), <b>run</b> it, take its output and displays as they
 * come, <b>classify</b> from what the host observed, and build the one result.
 *
 * <p>Invariants: the cell's code never runs before the decision allowed it and the listener's
 * {@code decided} returned; {@link #run()} returns one result and never throws; frames of the cell
 * arrive on the session's reader thread ({@link #accept}), which never blocks on the cell; the
 * watch ({@link CellWatch}) stops it from outside.
 */
final class CellRun implements CellWatch.Stopper {
  private static final Logger LOG = LoggerFactory.getLogger(CellRun.class);

  /** The status a cell ends with, and how its kernel reported its end. */
  private record Done(String status, int code) {}

  private final LiveSession session;
  private final int id;
  private final Cell cell;
  private final ExecutionListener listener;
  private final Limits limits;
  private final OutputCapture out;
  private final OutputCapture err;
  private final Displays displays;
  private final CompletableFuture<Frame> summary = new CompletableFuture<>();
  private final CompletableFuture<Done> done = new CompletableFuture<>();
  private CellWatch watch;
  private volatile boolean running; // RUN was sent: its output is the cell's
  private volatile SessionEnd ended; // the session ended under the cell

  CellRun(LiveSession session, int id, Cell cell, ExecutionListener listener) {
    this.session = session;
    this.id = id;
    this.cell = cell;
    this.listener = listener;
    Limits l = session.spec().limits();
    this.limits = cell.timeout() == null ? l : l.withWallTimeout(cell.timeout());
    this.out = new OutputCapture(limits.outputBytes(), this::flood, c -> hear(Stream.STDOUT, c));
    this.err = new OutputCapture(limits.outputBytes(), this::flood, c -> hear(Stream.STDERR, c));
    this.displays = new Displays(session.caps(), listener::display);
  }

  int id() {
    return id;
  }

  /** A frame of this cell, on the session's reader thread. */
  void accept(Frame f) {
    switch (f.kind()) {
      case SUMMARY -> summary.complete(f);
      case OUT -> {
        if (running) {
          out.feed(f.payload());
        }
      }
      case ERR -> {
        if (running) {
          err.feed(f.payload());
        }
      }
      case DISPLAY -> {
        if (running) {
          displays.offer(f.payload());
        }
      }
      case DONE -> done.complete(parseDone(f));
      default -> LOG.debug("a {} frame for cell {} was ignored", f.kind(), id);
    }
  }

  /** The session ended: what waits for the agent stops waiting. */
  void sessionEnded(SessionEnd end) {
    ended = end;
    summary.complete(null);
    done.complete(null);
  }

  /** The caller asked the cell to stop. */
  void cancel() {
    CellWatch w = watch;
    if (w != null) {
      w.stop(CellWatch.Stop.CANCELLED);
    }
  }

  @Override
  public void interrupt(CellWatch.Stop why) {
    if (!running) {
      summary.complete(null); // still being read: it will not run
      return;
    }
    session.send(Frame.Kind.INTERRUPT, id);
  }

  @Override
  public void unresponsive(CellWatch.Stop why) {
    session.die(
        SessionEnd.Cause.UNRESPONSIVE,
        "cell "
            + id
            + " did not stop within "
            + Units.formatDuration(Session.INTERRUPT_GRACE)
            + " of its interrupt");
  }

  private void flood() {
    CellWatch w = watch;
    if (w != null) {
      w.stop(CellWatch.Stop.FLOOD);
    }
  }

  private void hear(Stream stream, byte[] chunk) {
    listener.output(stream, chunk);
  }

  /** Every phase; one result, never an exception. */
  ExecutionResult run() {
    long started = System.nanoTime();
    Usage before = session.usage();
    int networkBefore = session.network().size();
    watch =
        new CellWatch(
            session.id() + "-cell-" + id,
            session::cpuNanos,
            started + limits.wallTimeout().toNanos(),
            limits.cpuTime().toNanos(),
            this);
    Thread.ofVirtual().name(session.id() + "-cell-" + id).start(watch);
    List<Finding> findings = List.of();
    Done end;
    try {
      Decision decision = decide();
      if (decision == null) {
        return notRun(stoppedBeforeRunning(), findings, started);
      }
      findings = decision.findings();
      if (!decision.run()) {
        session.send(Frame.Kind.DROP, id);
        return notRun(
            new Verdict(Status.POLICY_DENIED, decision.reason(), null), findings, started);
      }
      try {
        listener.decided(findings);
      } catch (RuntimeException e) {
        session.send(Frame.Kind.DROP, id);
        LOG.warn("a listener refused cell {} of {}", id, session.id(), e);
        return notRun(
            new Verdict(Status.SANDBOX_ERROR, "the cell could not be recorded: " + e, null),
            findings,
            started);
      }
      running = true;
      session.send(Frame.Kind.RUN, id);
      end = done.join();
    } finally {
      watch.end();
    }
    return result(end, findings, started, before, networkBefore);
  }

  /**
   * The decision on the cell: from the agent's summary, or from its text for a runtime without a
   * parser. Null when the cell was stopped before a decision (its wall clock ran out while it was
   * read, the caller interrupted it) or the session ended.
   */
  private Decision decide() {
    Decider decider = Decider.policy(session.runtime(), cell.code(), session.spec().policy());
    session.send(Frame.Kind.CELL, id, Map.of("code", cell.code(), "name", "<cell-" + id + ">"));
    if (!session.runtime().hasRunner()) {
      return decider.decide(Summary.empty());
    }
    Frame frame = summary.join();
    if (frame == null) {
      session.send(Frame.Kind.DROP, id);
      return null;
    }
    try {
      return decider.decide(Summary.parse(frame.payload()));
    } catch (RuntimeException e) { // a summary the host cannot read: nothing runs
      session.send(Frame.Kind.DROP, id);
      return Decision.stop("the agent's summary was refused: " + e.getMessage(), List.of());
    }
  }

  private Verdict stoppedBeforeRunning() {
    if (ended != null) {
      return ended(null);
    }
    if (watch.stopped() == CellWatch.Stop.CANCELLED) {
      return new Verdict(Status.CANCELLED, "interrupted before it ran", null);
    }
    return new Verdict(
        Status.TIMEOUT,
        "the cell was still being parsed when the wall-clock limit of "
            + Units.formatDuration(limits.wallTimeout())
            + " ran out",
        null);
  }

  /** What the cell ended with when its session ended under it. */
  private Verdict ended(Verdict verdict) {
    SessionEnd e = ended;
    if (e.cause() == SessionEnd.Cause.OOM) {
      return new Verdict(Status.OOM, e.reason(), null);
    }
    if (verdict != null && e.cause() == SessionEnd.Cause.UNRESPONSIVE) {
      return new Verdict(verdict.status(), verdict.reason() + "; " + e.reason(), verdict.signal());
    }
    if (!e.dead()) {
      return new Verdict(Status.CANCELLED, "the session was closed: " + e.reason(), null);
    }
    return new Verdict(Status.SANDBOX_ERROR, "the session ended: " + e.reason(), null);
  }

  private ExecutionResult notRun(Verdict verdict, List<Finding> findings, long started) {
    return new ExecutionResult(
        null,
        verdict.status(),
        verdict.reason(),
        null,
        null,
        "",
        "",
        false,
        false,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        0,
        session.usage().peakMemoryBytes(),
        session.runtimeInfo(),
        findings,
        List.of());
  }

  private ExecutionResult result(
      Done end, List<Finding> findings, long started, Usage before, int networkBefore) {
    long wall = System.nanoTime() - started;
    Usage now = session.usage();
    long cpu = Math.max(0, now.cpuNanos() - before.cpuNanos());
    long oom = now.oomKills() - before.oomKills();
    CellWatch.Stop stop = watch.stopped();
    int code = end == null ? 137 : end.code();
    Verdict verdict =
        Verdict.of(
            new Verdict.Observation(
                true,
                code,
                "",
                stop == CellWatch.Stop.CANCELLED,
                stop == CellWatch.Stop.TIMEOUT,
                stop == CellWatch.Stop.CPU,
                stop == CellWatch.Stop.FLOOD,
                out.truncated() || err.truncated(),
                oom,
                now.pidsLimitHits() - before.pidsLimitHits(),
                false, // an OOM kill ends the session, which reports it as OOM whatever came first
                cpu,
                limits.cpuTime().toNanos(),
                Units.formatDuration(limits.wallTimeout())));
    if (stop == CellWatch.Stop.CANCELLED) {
      verdict = new Verdict(Status.CANCELLED, "interrupted", verdict.signal());
    }
    if (oom > 0) {
      session.die(SessionEnd.Cause.OOM, session.oomReason());
    }
    if (ended != null) {
      verdict = ended(verdict);
    } else if (end != null && end.status().equals("exited")) {
      verdict =
          new Verdict(
              verdict.status(),
              verdict.reason()
                  + "; the interpreter exited: the next cell starts a fresh one (files are kept)",
              verdict.signal());
    }
    List<NetworkAttempt> network = session.network();
    return new ExecutionResult(
        null,
        verdict.status(),
        verdict.reason(),
        end == null ? null : code,
        verdict.signal(),
        out.text(),
        err.text(),
        out.truncated(),
        err.truncated(),
        TimeUnit.NANOSECONDS.toMillis(wall),
        TimeUnit.NANOSECONDS.toMillis(cpu),
        now.peakMemoryBytes(),
        session.runtimeInfo(),
        findings,
        network.subList(Math.min(networkBefore, network.size()), network.size()),
        displays.outputs(),
        List.of());
  }

  /** The agent's {@code done}: its status and code; anything unreadable is an error. */
  private static Done parseDone(Frame f) {
    try {
      JsonNode node = Json.mapper().readTree(f.payload());
      String status = node.path("status").asString("error");
      int code = node.path("code").asInt(1);
      return switch (status) {
        case "ok" -> new Done(status, 0);
        case "interrupted" -> new Done(status, 130);
        case "error", "exited" -> new Done(status, code == 0 ? 1 : code & 0xFF);
        default -> new Done("error", 1);
      };
    } catch (RuntimeException e) {
      return new Done("error", 1);
    }
  }
}
