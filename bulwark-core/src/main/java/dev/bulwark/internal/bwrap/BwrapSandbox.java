package dev.bulwark.internal.bwrap;

import dev.bulwark.internal.launch.LaunchRecord;
import dev.bulwark.internal.launch.LaunchedSandbox;
import dev.bulwark.internal.launch.StagedLauncher;
import dev.bulwark.internal.layout.SandboxProgram;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.Exit;
import dev.bulwark.spi.SandboxSpec;
import dev.bulwark.spi.UidLease;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bubblewrap sandbox for one program: a uid, a cgroup, a run directory and, once started,
 * bubblewrap with the runtime inside. A warm pool starts it before its program exists ({@link
 * #start}); a cold run starts it in {@link #handOff}. Either way the program arrives through a host
 * directory bound read-only at {@link BwrapCommand#CODE_DIR}, and the sandbox serves that one
 * program only.
 *
 * <pre>
 * engineDir/NAME/          0711: bwrap's status report (the sandbox uid's bwrap crosses it)
 * engineDir/NAME/code/     0755, bound read-only inside: the runner (a hard link) and the program
 * </pre>
 */
final class BwrapSandbox extends LaunchedSandbox {
  private static final Pattern CHILD_PID = Pattern.compile("\"child-pid\"\\s*:\\s*(\\d+)");
  private static final Pattern EXIT_CODE = Pattern.compile("\"exit-code\"\\s*:\\s*(\\d+)");

  /** A session's CPU rlimit: none in effect (RLIMIT_CPU in seconds, far beyond any life). */
  private static final Duration SESSION_CPU = Duration.ofDays(3650);

  private final BwrapBackend backend;

  private BwrapSandbox(
      BwrapBackend backend, SandboxSpec spec, UidLease uid, StagedLauncher launcher, Path dir) {
    super(backend.host(), backend.launchers(), spec, uid, launcher, dir);
    this.backend = backend;
  }

  /** Takes a uid and a staged launcher and lays out the run directory; nothing runs yet. */
  static BwrapSandbox prepare(BwrapBackend backend, SandboxSpec spec) throws IOException {
    return prepare(
        backend.host(),
        backend.launchers(),
        spec,
        backend.staticFiles().runners(),
        (s, uid, launcher, dir) -> new BwrapSandbox(backend, s, uid, launcher, dir));
  }

  private Path status() {
    return dir().resolve("status.json");
  }

  /**
   * Waits for bwrap; when it reported the payload's exit in its status file, the setup finished and
   * that is the code, else bwrap's own.
   */
  @Override
  public Exit awaitExit() {
    int bwrapExit = waitForProcess();
    Matcher exit = EXIT_CODE.matcher(readBounded(status()));
    return exit.find()
        ? new Exit(true, Integer.parseInt(exit.group(1)))
        : new Exit(false, bwrapExit);
  }

  /**
   * Kills the sandbox's init, which ends its pid namespace (the kernel kills every process in it);
   * bwrap, our child, then reaps it and exits. Killing bwrap first would orphan the init to the
   * host's pid 1, which may reap it late. The cgroup kill is the backstop.
   */
  @Override
  public void kill() {
    Process process = process();
    if (process == null) {
      return;
    }
    Matcher child = CHILD_PID.matcher(readBounded(status()));
    if (child.find()) {
      ProcessHandle.of(Long.parseLong(child.group(1)))
          .filter(init -> init.parent().map(ProcessHandle::pid).orElse(-1L) == process.pid())
          .ifPresent(ProcessHandle::destroyForcibly);
      try {
        if (process.waitFor(2, TimeUnit.SECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    killAll();
    process.destroyForcibly();
  }

  /** bwrap's status report is small; never read more than 64 KiB of anything in the run dir. */
  private static String readBounded(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ""; // no report (yet): bwrap failed before writing it, or has not started the payload
    }
  }

  /** The limits as they are: the cgroup holds bwrap and the program's processes only. */
  @Override
  protected Limits hostLimits(Limits limits) {
    return limits;
  }

  @Override
  protected LaunchRecord launchRecord(SandboxProgram.Start start) {
    List<String> command = new ArrayList<>();
    command.add(backend.bwrap().toString());
    command.addAll(
        BwrapCommand.bwrapArgs(spec(), backend.staticFiles(), dir().resolve("code"), start));
    // The CPU rlimit counts each process's own start-up, the runner's included, which the budget
    // does not. With a cgroup the watchdog measures the budget from the hand-off, so the rlimit is
    // a backstop one second later; without one it is the only enforcement. A session's agent and
    // kernel live across many programs, whose CPU time the engine counts one by one: no rlimit.
    Limits rlimits =
        spec().kind() == SandboxSpec.Kind.SESSION
            ? limits().withCpuTime(SESSION_CPU)
            : hasCgroup() ? limits().withCpuTime(limits().cpuTime().plusSeconds(1)) : limits();
    return BwrapCommand.launchRecord(
        rlimits,
        uid().uid(),
        backend.filters().allowlist(),
        backend.filters().guard(),
        status(),
        command);
  }
}
