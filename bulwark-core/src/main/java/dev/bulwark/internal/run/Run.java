package dev.bulwark.internal.run;

import dev.bulwark.ExecutionListener;
import dev.bulwark.ExecutionListener.Stream;
import dev.bulwark.Job;
import dev.bulwark.internal.runtime.RunnerFrame;
import dev.bulwark.internal.validation.Summary;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FigureFormat;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.Limits;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.model.Status;
import dev.bulwark.model.Units;
import dev.bulwark.spi.Exit;
import dev.bulwark.spi.Program;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxSpec;
import dev.bulwark.spi.Usage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution, from lease to release: the path of DESIGN.md §1, one phase per method.
 *
 * <ol>
 *   <li><b>identify</b> the runtime's version (a runtime that does not answer is SANDBOX_ERROR);
 *       for a runtime without a runner, <b>decide</b> now, on the host, from the program's text;
 *   <li><b>lease</b> a sandbox: a warm one of the pool for (runtime, limits, tier), else a cold one
 *       prepared by the tier's backend;
 *   <li><b>hand off</b> the program; the runner parses it with the interpreter that will run it and
 *       sends its summary (no user code has run), which the run reads;
 *   <li><b>decide</b>: the policy's rules judge the summary; a DENY ends the run as POLICY_DENIED,
 *       else the listener hears {@link ExecutionListener#decided} — the barrier before the program
 *       runs;
 *   <li><b>execute and stream</b>: the runner's go-ahead and the program's input; its output
 *       streams to the listener through capped captures, while a {@link Watchdog} enforces the wall
 *       clock, the CPU budget and cancellation from outside;
 *   <li><b>classify</b>: one {@link Status} from what the host observed ({@link Verdict});
 *   <li><b>guard</b> the output: each stream within its cap, head and tail kept, a marker where
 *       cut;
 *   <li><b>complete</b>: the listener hears {@link ExecutionListener#completed} with the result;
 *   <li><b>release</b>: the sandbox goes to the reaper, which destroys it (single use) off the
 *       request path and restocks what is kept ahead.
 * </ol>
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>{@link #run()} is called once, on the caller's thread, which it blocks until the result;
 *       {@link #cancel()} may be called from any thread at any time, and makes the result CANCELLED
 *       unless the run already ended;
 *   <li>the program never runs before the decide phase allowed it and the listener's {@code
 *       decided} returned; a listener that throws there stops it (SANDBOX_ERROR);
 *   <li>every run ends with exactly one result: {@link #run()} never throws, and {@code completed}
 *       is called once, with that result, whatever failed (a failure of the engine itself is
 *       SANDBOX_ERROR, never the program's fault);
 *   <li>a leased sandbox is released exactly once, after its processes are dead or being killed,
 *       whatever failed; a run of a closed engine leases nothing;
 *   <li>threads: the runner's frames and stdout are read on the run's thread, stderr on one reader
 *       thread, the clock on the watchdog's; the listener's {@code output} is called from the two
 *       readers, the rest from the run's thread.
 * </ul>
 */
public final class Run {
  private static final Logger LOG = LoggerFactory.getLogger(Run.class);

  /** How long the outputs channel may lag the program's end: the runner closes it before. */
  private static final Duration CHANNEL_GRACE = Duration.ofSeconds(1);

  private final Runs runs;
  private final Job job;
  private final RuntimeDescriptor runtime;
  private final Decider decider;
  private final ExecutionListener listener;
  private volatile boolean cancelled;

  // The run's thread only.
  private RuntimeInfo info;
  private List<Finding> hostFindings = List.of();
  private SandboxBackend backend;
  private Sandbox sandbox;
  private boolean warm;
  private boolean entered;
  private RunChannel channel;

  Run(Runs runs, Job job, RuntimeDescriptor runtime, Decider decider, ExecutionListener listener) {
    this.runs = runs;
    this.job = job;
    this.runtime = runtime;
    this.decider = decider;
    this.listener = listener;
    this.info = new RuntimeInfo(runtime.name(), "");
  }

  /** Asks the run to stop; it ends with {@link Status#CANCELLED} unless it already ended. */
  public void cancel() {
    cancelled = true;
  }

  /** Runs every phase on the calling thread and returns the one result; never throws. */
  public ExecutionResult run() {
    ExecutionResult result;
    try {
      result = phases();
    } catch (RuntimeException | Error e) {
      LOG.error("engine failure in a run of {}", runtime.name(), e);
      result = ExecutionResult.notRun(Status.SANDBOX_ERROR, "engine failure: " + e, info);
    }
    try {
      complete(result);
    } finally {
      release();
    }
    return result;
  }

  private ExecutionResult phases() {
    Optional<ExecutionResult> notRun = identify();
    if (notRun.isEmpty() && !runtime.hasRunner()) {
      notRun = decideOnHost();
    }
    if (notRun.isPresent()) {
      return notRun.get();
    }
    entered = runs.live().enter(this);
    ExecutionResult r =
        entered
            ? inSandbox()
            : ExecutionResult.notRun(Status.SANDBOX_ERROR, "the engine is closed", info);
    return hostFindings.isEmpty() ? r : r.withFindings(hostFindings);
  }

  /** The runtime's name and version, as it reports itself; SANDBOX_ERROR when it does not. */
  private Optional<ExecutionResult> identify() {
    try {
      info = runs.runtimes().info(runtime);
      return Optional.empty();
    } catch (IllegalStateException e) {
      return Optional.of(ExecutionResult.notRun(Status.SANDBOX_ERROR, e.getMessage(), info));
    }
  }

  /** No runner parses this language in the sandbox: its rules read the text on the host. */
  private Optional<ExecutionResult> decideOnHost() {
    Decision d = decider.decide(Summary.empty());
    if (!d.run()) {
      return Optional.of(
          ExecutionResult.notRun(Status.POLICY_DENIED, d.reason(), info)
              .withFindings(d.findings()));
    }
    hostFindings = d.findings();
    listener.decided(hostFindings);
    return Optional.empty();
  }

  private ExecutionResult inSandbox() {
    try {
      lease();
      handOff();
      return supervise();
    } catch (IOException | RuntimeException e) {
      return ExecutionResult.notRun(
          Status.SANDBOX_ERROR, "sandbox failed: " + e.getMessage(), info);
    }
  }

  /** A warm sandbox of the job's tier when a pool serves this run, else a cold one. */
  private void lease() throws IOException {
    backend = runs.backend(job.isolation() == null ? null : job.isolation().tierName());
    sandbox = runs.pools().take(runtime.name(), job.limits(), backend.tier());
    warm = sandbox != null;
    if (!warm) {
      sandbox = backend.prepare(new SandboxSpec(runtime, job.limits()));
    }
  }

  /**
   * Gives the sandbox its program and tells the runner to read it. A warm sandbox that died while
   * it waited is retired and a cold one takes over: nothing of the program ran.
   */
  private void handOff() throws IOException {
    Program program = new Program(job.code(), job.policy().networkAllow());
    if (warm) {
      try {
        sandbox.handOff(program);
        openChannel();
        tellRunner();
        return;
      } catch (IOException diedWhileWaiting) {
        LOG.debug("{} died while it waited; starting cold", sandbox.name(), diedWhileWaiting);
        runs.reaper().retire(sandbox);
        sandbox = null;
        warm = false;
        sandbox = backend.prepare(new SandboxSpec(runtime, job.limits()));
      }
    }
    sandbox.handOff(program); // throws before the sandbox started: nothing to supervise
    openChannel();
    try {
      tellRunner();
    } catch (IOException diedAtStart) {
      // The sandbox ended before it could take its program (a bwrap that cannot build it):
      // supervision reads why, as for a sandbox that ends later.
      LOG.debug("{} ended before its runner took the program", sandbox.name(), diedAtStart);
    }
  }

  /** The outputs channel of a runtime with a runner: its rich outputs and artifacts. */
  private void openChannel() throws IOException {
    if (runtime.hasRunner()) {
      channel = RunChannel.open(sandbox, runs.caps(), runs.artifacts(), listener::display);
    }
  }

  private void tellRunner() throws IOException {
    if (runtime.hasRunner()) {
      RunnerFrame.sendCode(sandbox.stdin());
    }
  }

  /**
   * Decide, execute, classify and guard, with the watchdog and the stderr reader around them. The
   * run's thread reads the runner's frames and the program's stdout itself: a result crosses no
   * thread but stderr's reader, which matters on a busy 2-core host, where each hand-over between
   * threads costs a wake-up.
   */
  private ExecutionResult supervise() {
    Limits limits = job.limits();
    String name = sandbox.name();
    long started = sandbox.handedOffNanos();
    Runnable stop = sandbox::kill;
    OutputCapture out =
        new OutputCapture(limits.outputBytes(), stop, c -> listener.output(Stream.STDOUT, c));
    OutputCapture err =
        new OutputCapture(limits.outputBytes(), stop, c -> listener.output(Stream.STDERR, c));
    Sandbox s = sandbox;
    Thread errReader = Thread.ofVirtual().name(name + "-stderr").start(() -> err.drain(s.stderr()));
    long cpuBudget = limits.cpuTime().toNanos();
    Watchdog watchdog =
        new Watchdog(sandbox, started + limits.wallTimeout().toNanos(), cpuBudget, () -> cancelled);
    Thread.ofVirtual().name(name + "-watchdog").start(watchdog);
    try {
      List<Finding> findings = List.of();
      String runnerFailure = null; // the runner ended without a summary: classified below
      if (runtime.hasRunner()) {
        Decided decided = decide(watchdog);
        findings = decided.decision() == null ? List.of() : decided.decision().findings();
        if (decided.status() == null && decided.decision() == null) {
          runnerFailure = decided.reason();
          stop.run(); // nothing useful comes from a runner that failed; a limit it hit still shows
        } else if (decided.status() != null) {
          return notExecuted(decided, findings, errReader, started);
        }
      }
      Observed observed = execute(out, err, errReader, watchdog, runnerFailure);
      return guard(classify(observed, runnerFailure), observed, out, err, findings);
    } finally {
      watchdog.end();
    }
  }

  /**
   * How the decide phase ended: a decision to run ({@code status} null); a status the run ends with
   * (POLICY_DENIED, TIMEOUT, CANCELLED, SANDBOX_ERROR) and why; or neither, when the runner ended
   * without a summary and the sandbox's own outcome decides (a limit, a failed setup, a runner
   * failure).
   */
  private record Decided(Status status, String reason, Decision decision) {}

  /**
   * Reads the runner's summary (the watchdog kills a sandbox that takes too long or is cancelled,
   * which ends the read), then decides. No user code has run yet; once it may, the listener hears
   * the findings before the go-ahead.
   */
  private Decided decide(Watchdog watchdog) {
    byte[] frame = null;
    String failure = null;
    try {
      frame = RunnerFrame.read(sandbox.stdout());
    } catch (RunnerFrame.TooLarge tooLarge) {
      return new Decided(Status.POLICY_DENIED, tooLarge.getMessage(), null); // the program's size
    } catch (IOException e) {
      failure = "runner failed: " + e.getMessage();
    }
    Watchdog.Stop stopped = watchdog.stopped();
    if (stopped == Watchdog.Stop.CANCELLED) {
      return new Decided(Status.CANCELLED, "cancelled before the program ran", null);
    }
    if (stopped == Watchdog.Stop.TIMEOUT) {
      return new Decided(
          Status.TIMEOUT,
          "the program was still being parsed when the wall-clock limit of "
              + Units.formatDuration(job.limits().wallTimeout())
              + " ran out",
          null);
    }
    if (frame == null) {
      return new Decided(null, failure, null);
    }
    Decision decision;
    try {
      decision = decider.decide(Summary.parse(frame));
    } catch (RuntimeException e) { // a summary the host cannot read: nothing runs
      return new Decided(
          Status.SANDBOX_ERROR, "the runner's summary was refused: " + e.getMessage(), null);
    }
    if (!decision.run()) {
      return new Decided(Status.POLICY_DENIED, decision.reason(), decision);
    }
    listener.decided(decision.findings());
    return new Decided(null, "", decision);
  }

  /**
   * A run that ended in its decide phase: the sandbox is stopped and nothing of the program ran.
   */
  private ExecutionResult notExecuted(
      Decided decided, List<Finding> findings, Thread errReader, long started) {
    sandbox.kill();
    sandbox.awaitExit();
    sandbox.killAll();
    join(errReader);
    Usage usage = sandbox.usage();
    List<NetworkAttempt> network = sandbox.closeNetwork();
    return new ExecutionResult(
        null,
        decided.status(),
        decided.reason(),
        null,
        null,
        "",
        "",
        false,
        false,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        TimeUnit.NANOSECONDS.toMillis(usage.cpuNanos()),
        usage.peakMemoryBytes(),
        info,
        findings,
        network);
  }

  /** What the host saw of an executed run, for the classify and guard phases. */
  private record Observed(
      Watchdog.Stop stopped,
      boolean flooded,
      boolean truncated,
      boolean setupFinished,
      int exitCode,
      long wallNanos,
      Usage usage,
      boolean oomBeforeForkRefused,
      List<NetworkAttempt> network,
      String stderr) {}

  /**
   * Sends the go-ahead (after a runner failure, nothing runs and no input follows) and the
   * program's input, and reads its output until the runner's end frames, or until the sandbox is
   * gone (a killed sandbox ends the stream).
   */
  private Observed execute(
      OutputCapture out,
      OutputCapture err,
      Thread errReader,
      Watchdog watchdog,
      String runnerFailure) {
    boolean goAhead = runtime.hasRunner() && runnerFailure == null;
    byte[] input = runnerFailure == null ? job.stdin() : new byte[0];
    OutputStream stdin = sandbox.stdin();
    String settings = goAhead ? settings() : null;
    if (input.length == 0 && (settings == null || job.files().isEmpty())) {
      feed(stdin, goAhead, settings, Map.of(), input); // a few bytes: the pipe takes them at once
    } else {
      Map<String, byte[]> files = goAhead ? job.files() : Map.of();
      Thread.ofVirtual()
          .name(sandbox.name() + "-stdin")
          .start(() -> feed(stdin, goAhead, settings, files, input));
    }
    out.drain(sandbox.stdout());
    Integer endedWith = null;
    if (out.ended().getNow(null) != null) {
      // The runner wrote stderr's end frame first: its reader has it, or has it soon.
      endedWith = err.ended().join() != null ? out.ended().getNow(null) : null;
    }
    if (endedWith == null) {
      sandbox.awaitExit(); // still watched: the stream's end need not be the sandbox's
    }
    Watchdog.Stop stopped = watchdog.end();
    boolean flooded = out.flooded() || err.flooded();
    boolean setupFinished;
    int exitCode;
    long wallNanos;
    if (stopped == null && !flooded && endedWith != null) {
      wallNanos = System.nanoTime() - sandbox.handedOffNanos();
      setupFinished = true; // the runner ended both streams: the output is whole
      exitCode = endedWith;
    } else {
      Exit exit = sandbox.awaitExit(); // final once the sandbox exited (or, stopped, soon)
      wallNanos = System.nanoTime() - sandbox.handedOffNanos();
      setupFinished = exit.setupFinished();
      // When the sandbox reported the exit, its init is gone and the kernel has killed the whole
      // pid namespace. Otherwise (a host kill, a failed setup) sweep now. Either way the teardown
      // sweeps once more.
      if (!setupFinished) {
        sandbox.killAll();
      }
      join(errReader);
      exitCode = exit.code();
    }
    if (channel != null) {
      channel.finish(setupFinished && stopped == null ? CHANNEL_GRACE : Duration.ZERO);
    }
    List<NetworkAttempt> network = sandbox.closeNetwork();
    Usage usage = sandbox.usage();
    return new Observed(
        stopped,
        flooded,
        out.truncated() || err.truncated(),
        setupFinished,
        exitCode,
        wallNanos,
        usage,
        watchdog.oomBeforeForkRefused(usage),
        network,
        err.text());
  }

  /** One status and reason for the whole run, from host-side observations only. */
  private Verdict classify(Observed o, String runnerFailure) {
    Verdict verdict =
        Verdict.of(
            new Verdict.Observation(
                o.setupFinished(),
                o.exitCode(),
                o.setupFinished() ? "" : firstLine(o.stderr()),
                o.stopped() == Watchdog.Stop.CANCELLED,
                o.stopped() == Watchdog.Stop.TIMEOUT,
                o.stopped() == Watchdog.Stop.CPU,
                o.flooded(),
                o.truncated(),
                o.usage().oomKills(),
                o.usage().pidsLimitHits(),
                o.oomBeforeForkRefused(),
                o.usage().cpuNanos(),
                job.limits().cpuTime().toNanos(),
                Units.formatDuration(job.limits().wallTimeout())));
    if (runnerFailure != null
        && (verdict.status() == Status.OK || verdict.status() == Status.ERROR)) {
      // No limit explains it and no user code ran: the runner's fault, so the engine's.
      return new Verdict(
          Status.SANDBOX_ERROR,
          runnerFailure + (o.stderr().isBlank() ? "" : ": " + firstLine(o.stderr())),
          verdict.signal());
    }
    Optional<NetworkAttempt> refused = o.network().stream().filter(a -> !a.allowed()).findFirst();
    if (verdict.status() == Status.ERROR && refused.isPresent()) {
      // The program failed and the proxy had refused it: most likely the refusal is the failure.
      return new Verdict(
          Status.NETWORK_DENIED,
          "the program failed after the egress proxy refused a connection: "
              + refused.get().reason(),
          verdict.signal());
    }
    if (verdict.status() == Status.ERROR) {
      return MissingModule.explain(o.stderr())
          .map(why -> new Verdict(Status.ERROR, verdict.reason() + ": " + why, verdict.signal()))
          .orElse(verdict);
    }
    return verdict;
  }

  /** The result, its output within the caps (head and tail kept, a marker where cut). */
  private ExecutionResult guard(
      Verdict verdict, Observed o, OutputCapture out, OutputCapture err, List<Finding> findings) {
    boolean ran =
        verdict.status() != Status.SANDBOX_ERROR; // else the stderr is bwrap's, in the reason
    ExecutionResult r =
        new ExecutionResult(
            null,
            verdict.status(),
            verdict.reason(),
            ran ? o.exitCode() : null,
            verdict.signal(),
            ran ? out.text() : "",
            ran ? o.stderr() : "",
            out.truncated(),
            err.truncated(),
            TimeUnit.NANOSECONDS.toMillis(o.wallNanos()),
            TimeUnit.NANOSECONDS.toMillis(o.usage().cpuNanos()),
            o.usage().peakMemoryBytes(),
            info,
            findings,
            o.network());
    return channel == null || !ran
        ? r
        : r.withOutputs(channel.outputs()).withArtifacts(channel.artifacts());
  }

  private void complete(ExecutionResult result) {
    try {
      listener.completed(result);
    } catch (RuntimeException e) {
      LOG.warn("a listener failed on the result of a run of {}", runtime.name(), e);
    }
  }

  /** Hands the sandbox, if one was leased, to the reaper, and leaves the engine's live runs. */
  private void release() {
    if (channel != null) {
      channel.close();
    }
    if (!entered) {
      return;
    }
    try {
      SandboxBackend ran = backend;
      runs.reaper().afterRun(sandbox, () -> runs.restock(ran));
    } finally {
      runs.live().leave(this);
    }
  }

  /**
   * What the runner needs besides the program, as one line of JSON; null when it needs nothing (the
   * common case: the runner's defaults, and no parsing on its side).
   */
  private String settings() {
    boolean plain =
        job.sourceName().equals(Job.UNNAMED)
            && job.files().isEmpty()
            && job.artifacts().isEmpty()
            && job.figures() == FigureFormat.PNG;
    if (plain) {
      return null;
    }
    List<Map<String, Object>> files = new ArrayList<>();
    job.files().forEach((path, bytes) -> files.add(Map.of("path", path, "size", bytes.length)));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", job.sourceName());
    s.put("figures", job.figures().name().toLowerCase(Locale.ROOT));
    s.put("artifacts", job.artifacts());
    s.put("maxArtifacts", runs.caps().maxArtifacts());
    s.put("maxArtifactBytes", runs.caps().maxArtifactBytes());
    s.put("files", files);
    return Json.write(s);
  }

  /**
   * Writes the runner's go-ahead (when there is a runner) with its settings and the input files
   * they announce, then the program's input.
   */
  private static void feed(
      OutputStream stdin, boolean gated, String settings, Map<String, byte[]> files, byte[] bytes) {
    try (stdin) {
      if (gated && settings == null) {
        RunnerFrame.sendRun(stdin);
      } else if (gated) {
        RunnerFrame.sendRun(stdin, settings);
        for (byte[] file : files.values()) {
          stdin.write(file);
        }
        stdin.flush();
      }
      stdin.write(bytes);
    } catch (IOException e) {
      // The program exited or closed stdin without reading everything: that is its choice.
    }
  }

  private static void join(Thread reader) {
    try {
      reader.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
