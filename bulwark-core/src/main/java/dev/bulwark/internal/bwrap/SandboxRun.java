package dev.bulwark.internal.bwrap;

import dev.bulwark.ExecutionListener;
import dev.bulwark.Job;
import dev.bulwark.internal.cgroup.RunCgroup;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Limits;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.model.Status;
import dev.bulwark.model.Units;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.Usage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One execution in one fresh sandbox: prepare, start, watch the limits from outside, tear down,
 * classify. Single use; {@link #run} blocks the calling (virtual) thread.
 */
final class SandboxRun {
  private static final Pattern EXIT_CODE = Pattern.compile("\"exit-code\"\\s*:\\s*(\\d+)");

  /** How often the host looks at the clock, the CPU counter and the cancel flag. */
  private static final long TICK_MS = 20;

  private final SandboxHost host;
  private final RuntimeDescriptor runtime;
  private final RuntimeInfo runtimeInfo;
  private final Job request;
  private final Gate gate;
  private final ExecutionListener listener;
  private volatile boolean cancelled;

  SandboxRun(
      SandboxHost host,
      RuntimeDescriptor runtime,
      RuntimeInfo info,
      Job request,
      Gate gate,
      ExecutionListener listener) {
    this.host = host;
    this.runtime = runtime;
    this.runtimeInfo = info;
    this.request = request;
    this.gate = gate;
    this.listener = listener;
  }

  /** Asks the run to stop; it ends with {@link Status#CANCELLED}. */
  void cancel() {
    cancelled = true;
  }

  ExecutionResult run() {
    Sandbox sandbox = host.takeWarm(runtime, request.limits()); // null: none waits, start cold
    try {
      if (sandbox != null) {
        try {
          sandbox.handOff(request.code(), request.policy().networkAllow());
        } catch (IOException diedWhileWaiting) { // nothing of the program ran: start cold instead
          host.retire(sandbox);
          sandbox = null;
        }
      }
      if (sandbox == null) {
        sandbox = Sandbox.prepare(host, runtime, request.limits());
        try {
          sandbox.handOff(request.code(), request.policy().networkAllow());
        } catch (IOException diedAtStart) {
          if (sandbox.process() == null) {
            throw diedAtStart;
          }
          // The sandbox ended before it could take its program (a bwrap that cannot build it):
          // supervision reads why, as for a sandbox that ends later.
        }
      }
      return supervise(sandbox);
    } catch (IOException | RuntimeException e) {
      return ExecutionResult.notRun(
          Status.SANDBOX_ERROR, "sandbox failed: " + e.getMessage(), runtimeInfo);
    } finally {
      // Its processes are gone or being killed: the result need not wait for the teardown.
      host.afterRun(sandbox);
    }
  }

  /**
   * Why the host stopped a run from outside, once the watchdog did; a flood stops it from the
   * reading thread and shows in the captures.
   */
  private enum Stop {
    CANCELLED,
    TIMEOUT,
    CPU
  }

  /**
   * The supervising thread reads the runner's frames and the program's stdout itself, and a
   * watchdog looks at the clock, the CPU counter and the cancel flag: a result crosses no thread
   * but stderr's reader, which matters on a busy 2-core host, where each hand-over between threads
   * costs a wake-up.
   */
  private ExecutionResult supervise(Sandbox sandbox) {
    Limits limits = request.limits();
    String name = sandbox.name();
    Process process = sandbox.process();
    RunCgroup cgroup = sandbox.cgroup();
    long started = sandbox.handedOffNanos();
    Runnable stop = sandbox::kill;
    OutputCapture out =
        new OutputCapture(
            limits.outputBytes(), stop, c -> listener.output(ExecutionListener.Stream.STDOUT, c));
    OutputCapture err =
        new OutputCapture(
            limits.outputBytes(), stop, c -> listener.output(ExecutionListener.Stream.STDERR, c));
    Thread errReader =
        Thread.ofVirtual().name(name + "-stderr").start(() -> err.drain(process.getErrorStream()));
    long cpuBudget = limits.cpuTime().toNanos();
    Watchdog watchdog = new Watchdog(sandbox, started + limits.wallTimeout().toNanos(), cpuBudget);
    Thread.ofVirtual().name(name + "-watchdog").start(watchdog);
    try {
      List<Finding> findings = List.of();
      String runnerFailure = null; // the runner ended without a summary: classified below
      if (runtime.hasRunner()) {
        Gated gated = awaitGate(process, watchdog);
        findings = gated.decision() == null ? List.of() : gated.decision().findings();
        if (gated.status() == null && gated.decision() == null) {
          runnerFailure = gated.reason();
          stop.run(); // nothing useful comes from a runner that failed; a limit it hit still shows
        } else if (gated.status() != null) {
          stop.run();
          exitValue(process);
          if (cgroup != null) {
            cgroup.killAll();
          }
          join(errReader);
          Usage usage = sandbox.usage();
          sandbox.endEgress();
          return new ExecutionResult(
              null,
              gated.status(),
              gated.reason(),
              null,
              null,
              "",
              "",
              false,
              false,
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
              TimeUnit.NANOSECONDS.toMillis(usage.cpuNanos()),
              usage.peakMemoryBytes(),
              runtimeInfo,
              findings,
              sandbox.network());
        }
      }
      boolean goAhead = runtime.hasRunner() && runnerFailure == null;
      byte[] input = runnerFailure == null ? request.stdin() : new byte[0];
      if (input.length == 0) {
        feed(process.getOutputStream(), goAhead, input); // a few bytes: the pipe takes them at once
      } else {
        Thread.ofVirtual()
            .name(name + "-stdin")
            .start(() -> feed(process.getOutputStream(), goAhead, input));
      }
      // Until the runner's end frame, or until bwrap is gone: a killed sandbox ends the stream.
      out.drain(process.getInputStream());
      Integer endedWith = null;
      if (out.ended().getNow(null) != null) {
        // The runner wrote stderr's end frame first: its reader has it, or has it soon.
        endedWith = err.ended().join() != null ? out.ended().getNow(null) : null;
      }
      if (endedWith == null) {
        exitValue(process); // still watched: the stream's end need not be the sandbox's
      }
      Stop stopped = watchdog.end();
      boolean wasCancelled = stopped == Stop.CANCELLED;
      boolean timedOut = stopped == Stop.TIMEOUT;
      boolean cpuExhausted = stopped == Stop.CPU;
      boolean flooded = out.flooded() || err.flooded();
      boolean setupFinished;
      int exitCode;
      long wallNanos;
      if (stopped == null && !flooded && endedWith != null) {
        wallNanos = System.nanoTime() - started;
        setupFinished = true; // the runner ended both streams: the output is whole
        exitCode = endedWith;
      } else {
        exitValue(process); // bwrap has exited (or, stopped, soon), so its status report is final
        wallNanos = System.nanoTime() - started;
        Matcher exit = EXIT_CODE.matcher(Sandbox.readBounded(sandbox.status()));
        setupFinished = exit.find();
        // When bwrap reported the exit, its init is gone and the kernel has killed the whole pid
        // namespace. Otherwise (a host kill, a failed setup) sweep the cgroup now. Either way the
        // cgroup's removal in the background sweeps it once more.
        if (cgroup != null && !setupFinished) {
          cgroup.killAll();
        }
        join(errReader);
        exitCode = setupFinished ? Integer.parseInt(exit.group(1)) : exitValue(process);
      }
      sandbox.endEgress();
      List<NetworkAttempt> network = sandbox.network();
      Usage usage = sandbox.usage();
      String stderr = err.text();
      Verdict verdict =
          Verdict.of(
              new Verdict.Observation(
                  setupFinished,
                  exitCode,
                  setupFinished ? "" : firstLine(stderr),
                  wasCancelled,
                  timedOut,
                  cpuExhausted,
                  flooded,
                  out.truncated() || err.truncated(),
                  usage.oomKills(),
                  usage.pidsLimitHits(),
                  usage.cpuNanos(),
                  cpuBudget,
                  Units.formatDuration(limits.wallTimeout())));
      Status outcome = verdict.status();
      String reason = verdict.reason();
      if (runnerFailure != null && (outcome == Status.OK || outcome == Status.ERROR)) {
        // No limit explains it and no user code ran: the runner's fault, so the engine's.
        outcome = Status.SANDBOX_ERROR;
        reason = runnerFailure + (stderr.isBlank() ? "" : ": " + firstLine(stderr));
      }
      java.util.Optional<NetworkAttempt> refused =
          network.stream().filter(a -> !a.allowed()).findFirst();
      if (outcome == Status.ERROR && refused.isPresent()) {
        // The program failed and the proxy had refused it: most likely the refusal is the failure.
        outcome = Status.NETWORK_DENIED;
        reason =
            "the program failed after the egress proxy refused a connection: "
                + refused.get().reason();
      }
      boolean ran = outcome != Status.SANDBOX_ERROR; // else the stderr is bwrap's, in the reason
      return new ExecutionResult(
          null,
          outcome,
          reason,
          ran ? exitCode : null,
          verdict.signal(),
          ran ? out.text() : "",
          ran ? stderr : "",
          out.truncated(),
          err.truncated(),
          TimeUnit.NANOSECONDS.toMillis(wallNanos),
          TimeUnit.NANOSECONDS.toMillis(usage.cpuNanos()),
          usage.peakMemoryBytes(),
          runtimeInfo,
          findings,
          network);
    } finally {
      watchdog.end();
    }
  }

  /**
   * Every tick, stops the run when it was cancelled, ran out of wall-clock time or used up its CPU
   * budget (for the whole run, not per process as rlimits are), and says why. The supervising
   * thread, blocked in a read, sees the stream end.
   */
  private final class Watchdog implements Runnable {
    private final Sandbox sandbox;
    private final long deadline;
    private final long cpuBudget;
    private final java.util.concurrent.atomic.AtomicReference<Stop> stopped =
        new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.CountDownLatch over =
        new java.util.concurrent.CountDownLatch(1);

    Watchdog(Sandbox sandbox, long deadline, long cpuBudget) {
      this.sandbox = sandbox;
      this.deadline = deadline;
      this.cpuBudget = cpuBudget;
    }

    @Override
    public void run() {
      try {
        while (!over.await(TICK_MS, TimeUnit.MILLISECONDS)) {
          Stop why = reason();
          if (why != null && stopped.compareAndSet(null, why)) {
            sandbox.kill();
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // the run ended under us and its cgroup is gone
      }
    }

    private Stop reason() {
      if (cancelled) {
        return Stop.CANCELLED;
      }
      if (System.nanoTime() >= deadline) {
        return Stop.TIMEOUT;
      }
      if (sandbox.cgroup() != null && sandbox.cpuNanos() > cpuBudget) {
        return Stop.CPU;
      }
      return null;
    }

    /** Why it stopped the run, if it did so far. */
    Stop stopped() {
      return stopped.get();
    }

    /** Ends the watch; says why the run was stopped, or null when it was not. */
    Stop end() {
      over.countDown(); // no wait: once over, it stops nothing
      return stopped.get();
    }
  }

  /**
   * How the gate phase ended: a decision to run ({@code status} null); a status the run ends with
   * (POLICY_DENIED, TIMEOUT, CANCELLED, SANDBOX_ERROR) and why; or neither, when the runner ended
   * without a summary and the sandbox's own outcome decides (a limit, a failed setup, a runner
   * failure).
   */
  private record Gated(Status status, String reason, Gate.Decision decision) {}

  /**
   * Reads the runner's summary (the watchdog kills a sandbox that takes too long or is cancelled,
   * which ends the read), then asks the gate. No user code has run yet.
   */
  private Gated awaitGate(Process process, Watchdog watchdog) {
    byte[] summary = null;
    String failure = null;
    try {
      summary = RunnerFrame.read(process.getInputStream());
    } catch (RunnerFrame.TooLarge tooLarge) {
      return new Gated(Status.POLICY_DENIED, tooLarge.getMessage(), null); // the program's size
    } catch (IOException e) {
      failure = "runner failed: " + e.getMessage();
    }
    Stop stopped = watchdog.stopped();
    if (stopped == Stop.CANCELLED) {
      return new Gated(Status.CANCELLED, "cancelled before the program ran", null);
    }
    if (stopped == Stop.TIMEOUT) {
      return new Gated(
          Status.TIMEOUT,
          "the program was still being parsed when the wall-clock limit of "
              + Units.formatDuration(request.limits().wallTimeout())
              + " ran out",
          null);
    }
    if (summary == null) {
      return new Gated(null, failure, null);
    }
    Gate.Decision decision;
    try {
      decision = (gate == null ? Gate.OPEN : gate).decide(summary);
    } catch (RuntimeException e) { // a summary the host cannot read: nothing runs
      return new Gated(
          Status.SANDBOX_ERROR, "the runner's summary was refused: " + e.getMessage(), null);
    }
    if (!decision.run()) {
      return new Gated(Status.POLICY_DENIED, decision.reason(), decision);
    }
    listener.findings(decision.findings());
    return new Gated(null, "", decision);
  }

  /** Writes the runner's go-ahead (when there is a runner), then the program's input. */
  private static void feed(OutputStream stdin, boolean gated, byte[] bytes) {
    try (stdin) {
      if (gated) {
        RunnerFrame.sendRun(stdin);
      }
      stdin.write(bytes);
    } catch (IOException e) {
      // The program exited or closed stdin without reading everything: that is its choice.
    }
  }

  private static void join(Thread reader) {
    try {
      reader.join(java.time.Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int exitValue(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
