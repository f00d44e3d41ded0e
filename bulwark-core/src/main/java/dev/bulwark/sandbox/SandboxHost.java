package dev.bulwark.sandbox;

import dev.bulwark.EngineConfig;
import dev.bulwark.ExecutionRequest;
import dev.bulwark.ExecutionResult;
import dev.bulwark.HostUser;
import dev.bulwark.Limits;
import dev.bulwark.RuntimeInfo;
import dev.bulwark.cgroup.Cgroups;
import dev.bulwark.cgroup.RunCgroup;
import dev.bulwark.runtime.RuntimeDescriptor;
import dev.bulwark.seccomp.SeccompFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host side of the bubblewrap backend, prepared once per engine: the state directory, the
 * compiled seccomp filters, the cgroup hierarchy and the uid range. Fails closed: {@link #open}
 * refuses when a limit could not be enforced, unless the configuration allows a degraded mode.
 * Thread-safe; each {@link #run} builds and destroys its own sandbox.
 */
public final class SandboxHost implements AutoCloseable {
  private final EngineConfig config;
  private final StateDir state;
  private final SeccompFilters filters;
  private final Cgroups cgroups; // null when degraded
  private final BwrapCommand.StaticFiles staticFiles;
  private final List<String> warnings;
  private final AtomicLong runSeq = new AtomicLong();
  private final AtomicLong nextUid = new AtomicLong();

  private SandboxHost(
      EngineConfig config, StateDir state, SeccompFilters filters, Cgroups cgroups, List<String> warnings) {
    this.config = config;
    this.state = state;
    this.filters = filters;
    this.cgroups = cgroups;
    this.warnings = List.copyOf(warnings);
    this.staticFiles =
        new BwrapCommand.StaticFiles(
            state.writeStatic("passwd", "sandbox:x:1000:1000:sandbox:/work:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"),
            state.writeStatic("group", "sandbox:x:1000:\nnogroup:x:65534:\n"),
            state.writeStatic("hosts", "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n"),
            state.writeStatic("hostname", "sandbox\n"),
            state.writeStatic("empty", ""));
  }

  /**
   * Prepares the host: cleans what dead engines left, compiles the filters, checks cgroups.
   *
   * @throws SandboxUnavailableException listing each problem and its fix
   */
  public static SandboxHost open(EngineConfig config) {
    List<String> problems = new ArrayList<>();
    if (!java.nio.file.Files.isExecutable(config.bwrap())) {
      problems.add("bubblewrap is not installed at " + config.bwrap() + ": apt-get install bubblewrap");
    }
    if (HostUser.isRoot() && !java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/setpriv"))) {
      problems.add("setpriv is missing (needed to drop root): apt-get install util-linux");
    }
    Cgroups cgroups = Cgroups.detect();
    List<String> warnings = new ArrayList<>();
    if (!cgroups.problems().isEmpty()) {
      if (config.allowDegraded()) {
        warnings.add("DEGRADED: no cgroup limits (memory, pids, CPU quota): " + String.join("; ", cgroups.problems()));
        cgroups = null;
      } else {
        problems.addAll(cgroups.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SandboxUnavailableException(problems);
    }
    StateDir state = StateDir.open(config.stateDir());
    try {
      if (cgroups != null) {
        cgroups.cleanupStale(name -> state.isDeadEngine(engineOf(name)));
      }
      state.removeDeadEngines();
      SeccompFilters filters = SeccompFilters.compileDefault(state.engineDir().resolve("seccomp"));
      return new SandboxHost(config, state, filters, cgroups, warnings);
    } catch (RuntimeException e) {
      state.close();
      throw new SandboxUnavailableException(List.of(e.getMessage()));
    }
  }

  /** Prepares one run of a request in a fresh sandbox; nothing starts until {@link Handle#run}. */
  public Handle prepare(ExecutionRequest request, RuntimeDescriptor runtime, RuntimeInfo info) {
    String name = state.engineId() + "." + runSeq.incrementAndGet();
    return new Handle(new SandboxRun(this, name, runtime, info, request));
  }

  /** One prepared run: {@link #run()} it on some thread, {@link #cancel()} it from another. */
  public static final class Handle {
    private final SandboxRun run;

    private Handle(SandboxRun run) {
      this.run = run;
    }

    public ExecutionResult run() {
      return run.run();
    }

    public void cancel() {
      run.cancel();
    }
  }

  /** Problems the engine runs with anyway because the operator chose a degraded mode. */
  public List<String> warnings() {
    return warnings;
  }

  /** A description of the cgroup setup in force, for doctor and logs. */
  public String cgroupDescription() {
    return cgroups == null ? "none (degraded)" : cgroups.describe();
  }

  /** Host uid of sandboxes: a leased uid of the range when root, else the engine's own. */
  public String payloadUidDescription() {
    return dropsPrivileges()
        ? "host uids " + config.sandboxUidBase() + ".." + (config.sandboxUidBase() + config.sandboxUidCount() - 1) + ", one per running sandbox"
        : "host uid " + HostUser.uid() + " (the engine's own; run as root for a uid per sandbox)";
  }

  @Override
  public void close() {
    state.close();
  }

  EngineConfig config() {
    return config;
  }

  StateDir state() {
    return state;
  }

  SeccompFilters filters() {
    return filters;
  }

  BwrapCommand.StaticFiles staticFiles() {
    return staticFiles;
  }

  boolean dropsPrivileges() {
    return HostUser.isRoot();
  }

  /** The run's cgroup with its limits applied, or null in degraded mode. */
  RunCgroup createCgroup(String name, Limits limits) {
    return cgroups == null ? null : cgroups.create(name, limits);
  }

  /** A host uid no other live sandbox (of any engine on this host) is using. */
  UidLease leaseUid() {
    if (!dropsPrivileges()) {
      return new UidLease(HostUser.uid(), () -> {});
    }
    int count = config.sandboxUidCount();
    for (int i = 0; i < count; i++) {
      long uid = config.sandboxUidBase() + Math.floorMod(nextUid.getAndIncrement(), count);
      Optional<AutoCloseable> lock = state.tryLockUid(uid);
      if (lock.isPresent()) {
        return new UidLease(uid, lock.get());
      }
    }
    throw new IllegalStateException("all " + count + " sandbox uids are in use");
  }

  /** A sandbox uid held until closed. */
  record UidLease(long uid, AutoCloseable lock) implements AutoCloseable {
    @Override
    public void close() {
      try {
        lock.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot release uid " + uid, e);
      }
    }
  }

  private static String engineOf(String runName) {
    int dot = runName.lastIndexOf('.');
    return dot < 0 ? runName : runName.substring(0, dot);
  }
}
