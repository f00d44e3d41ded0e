package dev.bulwark.internal.bwrap;

import dev.bulwark.EngineConfig;
import dev.bulwark.ExecutionListener;
import dev.bulwark.Job;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.internal.cgroup.Cgroups;
import dev.bulwark.internal.host.HostUser;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.internal.seccomp.SeccompFilters;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host side of the bubblewrap backend, prepared once per engine: the state directory, the
 * compiled seccomp filters, the cgroup hierarchy and the uid range. Fails closed: {@link #open}
 * refuses when a limit could not be enforced, unless the configuration allows a degraded mode.
 * Thread-safe; each {@link Handle#run} builds and destroys its own sandbox.
 */
public final class SandboxHost implements AutoCloseable {
  /** How long the work after a run waits: see {@link #afterRun}. */
  private static final java.time.Duration AFTER_RUN_DELAY = java.time.Duration.ofMillis(5);

  private final EngineConfig config;
  private final HostRegistry registry;
  private final StateDir state;
  private final SeccompFilters filters;
  private final Cgroups cgroups; // null when degraded
  private final BwrapCommand.StaticFiles staticFiles;
  private final Path launcherBinary;
  private final dev.bulwark.internal.egress.EgressProxy egress;
  private final List<String> warnings;
  private final AtomicLong runSeq = new AtomicLong();
  private final AtomicLong nextUid = new AtomicLong();
  private final java.util.concurrent.BlockingQueue<StagedLauncher> staged;
  private final List<WarmPool> pools = new ArrayList<>();

  /** Runs in flight; {@link #close} cancels them and waits for their teardown. */
  private final java.util.Set<SandboxRun> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * The work after runs and the sandboxes being destroyed in the background; {@link #close} waits
   * for them.
   */
  private final java.util.Set<Thread> retiring = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private volatile boolean closed;
  // Replaces warm sandboxes that waited too long; null without pools.
  private volatile Thread sweeper;
  private final Object sweeping = new Object();

  private SandboxHost(
      EngineConfig config,
      HostRegistry registry,
      StateDir state,
      SeccompFilters filters,
      Cgroups cgroups,
      List<String> warnings,
      Runtimes runtimes) {
    this.config = config;
    this.registry = registry;
    this.state = state;
    this.filters = filters;
    this.cgroups = cgroups;
    this.warnings = List.copyOf(warnings);
    this.staged =
        new java.util.concurrent.ArrayBlockingQueue<>(Math.max(1, config.stagedLaunchers()));
    Path dir = state.engineDir();
    this.launcherBinary = LauncherImage.link(dir.resolve(LauncherImage.RESOURCE));
    this.egress = new dev.bulwark.internal.egress.EgressProxy(config.egress());
    java.util.Optional<String> ca = egress.caPem();
    this.staticFiles =
        new BwrapCommand.StaticFiles(
            SandboxEtc.build(Path.of("/etc"), dir.resolve("etc"), ca),
            writeEmpty(dir.resolve("empty")),
            writeRunners(dir.resolve("runners"), runtimes),
            ca.isPresent()
                ? java.util.Map.of("NODE_EXTRA_CA_CERTS", SandboxEtc.EGRESS_CA_INSIDE)
                : java.util.Map.of());
    for (WarmPoolSpec spec : config.warmPools()) {
      if (spec.size() > 0) {
        RuntimeDescriptor runtime =
            runtimes
                .find(spec.runtime())
                .orElseThrow(() ->
                    new IllegalArgumentException(
                        "no runtime '"
                            + spec.runtime()
                            + "' for a warm pool; known: "
                            + runtimes.knownNames()));
        pools.add(new WarmPool(this, runtime, spec.profile(), spec.size()));
      }
    }
  }

  /**
   * Prepares the host: cleans what dead engines left, compiles the filters, checks cgroups, and
   * starts filling the warm pools in the background.
   *
   * @param runtimes the runtimes whose runners sandboxes bind
   * @throws SandboxUnavailableException listing each problem and its fix
   * @throws IllegalArgumentException when a warm pool names an unknown runtime or one without a
   *     runner
   */
  public static SandboxHost open(EngineConfig config, Runtimes runtimes) {
    List<String> problems = new ArrayList<>();
    if (!Files.isExecutable(config.bwrap())) {
      problems.add(
          "bubblewrap is not installed at " + config.bwrap() + ": apt-get install bubblewrap");
    }
    if (!LauncherImage.built()) {
      problems.add(
          "the sandbox launcher was not built with bulwark-core (its build compiles"
              + " src/main/c/bulwark-launch.c): apt-get install gcc libc6-dev, then rebuild");
    }
    Cgroups cgroups = Cgroups.detect();
    List<String> warnings = new ArrayList<>();
    if (!cgroups.problems().isEmpty()) {
      if (config.allowDegraded()) {
        warnings.add(
            "DEGRADED: no cgroup limits (memory, pids, CPU quota): "
                + String.join("; ", cgroups.problems()));
        cgroups = null;
      } else {
        problems.addAll(cgroups.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SandboxUnavailableException(problems);
    }
    HostRegistry registry = HostRegistry.register(HostUser.runtimeDir());
    StateDir state;
    try {
      state = StateDir.open(config.stateDir(), registry.engineId(), HostUser.isRoot());
    } catch (RuntimeException e) {
      registry.close();
      throw new SandboxUnavailableException(List.of(e.getMessage()));
    }
    try {
      // Only what dead engines left, host-wide: another engine's runs are alive whatever its
      // state directory.
      if (cgroups != null) {
        cgroups.cleanupStale(name -> registry.isDeadEngine(engineOf(name)));
      }
      state.removeDeadEngines(registry);
      registry.forgetDeadEngines();
      SeccompFilters filters = SeccompFilters.compileDefault(state.engineDir().resolve("seccomp"));
      SandboxHost host =
          new SandboxHost(config, registry, state, filters, cgroups, warnings, runtimes);
      host.refill();
      host.pools.forEach(pool -> Thread.ofVirtual().name("bulwark-warm").start(pool::refill));
      if (!host.pools.isEmpty()) {
        host.sweeper = Thread.ofVirtual().name("bulwark-warm-sweep").start(host::sweep);
      }
      return host;
    } catch (IllegalArgumentException e) {
      state.close();
      registry.close();
      throw e;
    } catch (RuntimeException e) {
      state.close();
      registry.close();
      throw new SandboxUnavailableException(List.of(e.getMessage()));
    }
  }

  /**
   * Prepares one run of a request in a fresh sandbox; nothing starts until {@link Handle#run}.
   *
   * @param gate decides, once the runtime's runner has described the program, whether it runs
   * @param listener hears the findings and the output as they come
   */
  public Handle prepare(
      Job request,
      RuntimeDescriptor runtime,
      RuntimeInfo info,
      Gate gate,
      ExecutionListener listener) {
    return new Handle(this, new SandboxRun(this, runtime, info, request, gate, listener), info);
  }

  /** One prepared run: {@link #run()} it on some thread, {@link #cancel()} it from another. */
  public static final class Handle {
    private final SandboxHost host;
    private final SandboxRun run;
    private final RuntimeInfo info;

    private Handle(SandboxHost host, SandboxRun run, RuntimeInfo info) {
      this.host = host;
      this.run = run;
      this.info = info;
    }

    /** Runs to the end; SANDBOX_ERROR when the engine was closed first. */
    public ExecutionResult run() {
      host.live.add(run);
      try {
        if (host.closed) {
          return ExecutionResult.notRun(
              dev.bulwark.model.Status.SANDBOX_ERROR, "the engine is closed", info);
        }
        return run.run();
      } finally {
        synchronized (host.live) {
          host.live.remove(run);
          host.live.notifyAll();
        }
      }
    }

    public void cancel() {
      run.cancel();
    }
  }

  /** What each warm pool has done so far, in the order of the configuration. */
  public List<WarmPoolStats> warmPools() {
    return pools.stream().map(WarmPool::stats).toList();
  }

  /** True once every warm pool has been full at least once. */
  public boolean warm() {
    return pools.stream().allMatch(WarmPool::warm);
  }

  /** Problems the engine runs with anyway because the operator chose a degraded mode. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Cancels the runs in flight and waits for them, destroys the warm sandboxes, kills the staged
   * launchers, waits for the sandboxes being destroyed in the background, and releases the state
   * directory.
   */
  @Override
  public void close() {
    closed = true;
    live.forEach(SandboxRun::cancel);
    synchronized (live) {
      while (!live.isEmpty()) {
        try {
          live.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (sweeper != null) {
      synchronized (sweeping) {
        sweeping.notifyAll(); // not an interrupt: that would break the file I/O of a teardown
      }
      try {
        sweeper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pools.forEach(WarmPool::close);
    for (StagedLauncher l; (l = staged.poll()) != null; ) {
      l.discard();
    }
    while (!retiring.isEmpty()) { // a run ending meanwhile may still add its work
      for (Thread t : retiring) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          retiring.clear(); // interrupted: stop waiting
        }
      }
    }
    state.close();
    registry.close();
  }

  /** A launcher for one run: a staged one when ready, else one staged now (the cold path). */
  StagedLauncher takeLauncher() {
    StagedLauncher launcher;
    while ((launcher = staged.poll()) != null && !launcher.alive()) {
      launcher.discard(); // someone killed it while idle: never reuse what we cannot vouch for
    }
    return launcher != null ? launcher : stageNow();
  }

  /**
   * A sandbox of a warm pool that serves this runtime and these limits; null when no pool does or
   * the pool is empty, and the run starts cold.
   */
  Sandbox takeWarm(RuntimeDescriptor runtime, dev.bulwark.model.Limits limits) {
    for (WarmPool pool : pools) {
      if (pool.serves(runtime, limits)) {
        return pool.take();
      }
    }
    return null;
  }

  /**
   * Stages launchers and refills the warm pools, in the background, once a run has ended. Not when
   * one starts: a cgroup v1 join holds the kernel's threadgroup lock for writing while it waits for
   * an RCU grace period, and every fork on the host waits with it, the starting sandbox's included.
   */
  void refillLater() {
    if (closed) {
      return;
    }
    if (staged.size() < config.stagedLaunchers()) {
      Thread.ofVirtual().name("bulwark-stage").start(this::refill);
    }
    for (WarmPool pool : pools) {
      Thread.ofVirtual().name("bulwark-warm").start(pool::refill);
    }
  }

  /** Every quarter of the idle limit (at most 30 s), replaces what waited too long. */
  private void sweep() {
    long every = Math.min(config.warmMaxIdle().toMillis() / 4, 30_000);
    while (!closed) {
      synchronized (sweeping) {
        try {
          sweeping.wait(Math.max(25, every));
        } catch (InterruptedException e) {
          return;
        }
      }
      for (WarmPool pool : pools) {
        try {
          if (!closed && pool.expire()) {
            pool.refill();
          }
        } catch (RuntimeException e) {
          // a sandbox that would not die: the next sweep, or the engine's close, tries again
        }
      }
    }
  }

  /** A launcher staged on the request path: the cold path, when none is waiting. */
  StagedLauncher stageNow() {
    String name = registry.engineId() + "." + runSeq.incrementAndGet();
    // The request's limits are applied when it comes, before the sandbox starts (Sandbox#start).
    return StagedLauncher.stage(
        launcherBinary, name, cgroups == null ? null : cgroups.createUnlimited(name));
  }

  private synchronized void refill() {
    while (!closed && staged.size() < config.stagedLaunchers()) {
      StagedLauncher launcher;
      try {
        launcher = stageNow();
      } catch (RuntimeException e) {
        return; // the cold path will stage, and report, on the next request
      }
      if (closed || !staged.offer(launcher)) {
        launcher.discard();
        return;
      }
    }
  }

  /**
   * After a run: destroys its sandbox (null when none started) and refills the pools, a few
   * milliseconds later. On two cores, process spawns and cgroup removals started at once slowed the
   * result's way back to the caller (audit, HTTP response) by about 2 ms at the median.
   */
  void afterRun(Sandbox used) {
    inBackground(
        "bulwark-after-run",
        () -> {
          boolean interrupted = false;
          try {
            Thread.sleep(AFTER_RUN_DELAY);
          } catch (InterruptedException e) {
            interrupted = true; // restored once the sandbox is gone: its teardown waits for exits
          }
          refillLater();
          if (used != null) {
            used.close(); // this thread is already one that close() waits for
          }
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /**
   * Destroys a sandbox whose run is over, off the request path: its cgroup's removal waits for the
   * kernel. {@link #close} waits for every one.
   */
  void retire(Sandbox sandbox) {
    inBackground("bulwark-retire", sandbox::close);
  }

  /** Runs {@code work} on a virtual thread that {@link #close} waits for. */
  private void inBackground(String name, Runnable work) {
    Thread t =
        Thread.ofVirtual()
            .name(name)
            .unstarted(() -> {
              try {
                work.run();
              } finally {
                retiring.remove(Thread.currentThread());
              }
            });
    retiring.add(t);
    t.start();
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

  /** The egress proxy, whose sessions give a run the hosts its policy allows. */
  dev.bulwark.internal.egress.EgressProxy egress() {
    return egress;
  }

  BwrapCommand.StaticFiles staticFiles() {
    return staticFiles;
  }

  boolean dropsPrivileges() {
    return HostUser.isRoot();
  }

  /** A host uid no other live sandbox (of any engine on this host) is using. */
  UidLease leaseUid() {
    if (!dropsPrivileges()) {
      return new UidLease(HostUser.uid(), () -> {});
    }
    int count = config.sandboxUidCount();
    for (int i = 0; i < count; i++) {
      long uid = config.sandboxUidBase() + Math.floorMod(nextUid.getAndIncrement(), count);
      Optional<AutoCloseable> lock = registry.tryLockUid(uid);
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

  private static Path writeEmpty(Path file) {
    try {
      Files.write(file, new byte[0]);
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The runners of the built-in runtimes, readable by the sandbox uids, bound one per run. */
  private static Path writeRunners(Path dir, Runtimes runtimes) {
    try {
      Files.createDirectory(dir);
      for (RuntimeDescriptor d : runtimes.all()) {
        if (d.hasRunner()) {
          Path file = dir.resolve(d.runner());
          try (java.io.InputStream in = Runtimes.runnerSource(d)) {
            Files.copy(in, file);
          }
          compileRunner(d, file);
          for (String name : new java.util.LinkedHashSet<>(List.of(d.runner(), d.runnerFile()))) {
            if (Files.exists(dir.resolve(name))) {
              Files.setPosixFilePermissions(
                  dir.resolve(name),
                  java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
            }
          }
        }
      }
      Path forwarder = dir.resolve(BwrapCommand.EGRESS_FORWARDER);
      try (java.io.InputStream in =
          SandboxHost.class.getResourceAsStream(
              "/dev/bulwark/internal/runtime/" + BwrapCommand.EGRESS_FORWARDER)) {
        Files.copy(java.util.Objects.requireNonNull(in, "the egress forwarder"), forwarder);
      }
      Files.setPosixFilePermissions(
          forwarder, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
      Files.setPosixFilePermissions(
          dir, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Runs the runtime's runner compile step, if it has one and its interpreter is installed (else
   * the runtime cannot run anyway, and says so per request).
   *
   * @throws IllegalStateException when the step fails: no sandbox of this runtime could start
   */
  private static void compileRunner(RuntimeDescriptor d, Path source) throws java.io.IOException {
    List<String> command = d.runnerCompileFor(source.toString());
    if (command.isEmpty() || !Files.isExecutable(Path.of(command.getFirst()))) {
      return;
    }
    Process p =
        new ProcessBuilder(command)
            .directory(source.getParent().toFile())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    byte[] said = p.getInputStream().readNBytes(4096);
    try {
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
    if (p.isAlive()
        || p.exitValue() != 0
        || !Files.isRegularFile(source.resolveSibling(d.runnerFile()))) {
      throw new IllegalStateException(
          d.name()
              + ": cannot compile its runner with "
              + String.join(" ", command)
              + ": "
              + new String(said, java.nio.charset.StandardCharsets.UTF_8).strip());
    }
  }

  private static String engineOf(String runName) {
    int dot = runName.lastIndexOf('.');
    return dot < 0 ? runName : runName.substring(0, dot);
  }
}
