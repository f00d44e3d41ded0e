package dev.bulwark;

import dev.bulwark.internal.bwrap.BwrapTier;
import dev.bulwark.internal.gvisor.GvisorTier;
import dev.bulwark.internal.host.HostUser;
import dev.bulwark.internal.pool.Reaper;
import dev.bulwark.internal.pool.WarmPools;
import dev.bulwark.internal.run.Decider;
import dev.bulwark.internal.run.Decision;
import dev.bulwark.internal.run.RegisteredEngine;
import dev.bulwark.internal.run.Run;
import dev.bulwark.internal.run.Runs;
import dev.bulwark.internal.run.Tiers;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.internal.session.Sessions;
import dev.bulwark.internal.validation.Summary;
import dev.bulwark.internal.validation.Validator;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.model.Status;
import dev.bulwark.model.TierDescription;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.Validation;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxSpec;
import dev.bulwark.spi.SandboxTier;
import dev.bulwark.spi.SandboxUnavailableException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulwark's front door: validates code against its policy, runs it in a fresh, single-use sandbox
 * and says what happened.
 *
 * <pre>{@code
 * try (Engine engine = Engine.start(EngineConfig.defaults())) {
 *   ExecutionResult r = engine.execute(new Job("python", "print(1)", Profiles.DEFAULT));
 * }
 * }</pre>
 *
 * Thread-safe: any number of executions may run at once, each on its own virtual thread.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final RegisteredEngine host;
  private final Tiers tiers;
  private final WarmPools pools;
  private final WarmPools sessionPools;
  private final Reaper reaper;
  private final Runs runs;
  private final Runtimes runtimes;
  private final Sessions sessions;
  private final Map<String, List<String>> packages = new ConcurrentHashMap<>();

  private Engine(
      RegisteredEngine host,
      Tiers tiers,
      WarmPools pools,
      WarmPools sessionPools,
      Reaper reaper,
      Runs runs,
      Runtimes runtimes,
      OutputCaps caps) {
    this.host = host;
    this.tiers = tiers;
    this.pools = pools;
    this.sessionPools = sessionPools;
    this.reaper = reaper;
    this.runs = runs;
    this.runtimes = runtimes;
    this.sessions =
        new Sessions(runtimes, tiers::backend, sessionPools, reaper, caps, Engine::startCell);
  }

  /**
   * Prepares the host (state directory, seccomp filters, cgroups), cleans what a crashed engine
   * left behind, and starts filling the warm pools and the session pools in the background. Its
   * sandboxes are bubblewrap's unless a job asks for gVisor ({@link Isolation}), which runs where
   * {@code runsc} is installed.
   *
   * @throws SandboxUnavailableException when a limit could not be enforced and the configuration
   *     does not allow a degraded mode, or when a warm pool's tier cannot run here
   * @throws IllegalArgumentException when a warm pool names an unknown runtime or one without a
   *     runner, or a session pool one without sessions or a tier other than bubblewrap
   */
  public static Engine start(EngineConfig config) {
    return start(config, List.of(new BwrapTier(config), new GvisorTier(config)));
  }

  /** Starts an engine whose sandboxes come from {@code tier} alone. */
  static Engine start(EngineConfig config, SandboxTier tier) {
    return start(config, List.of(tier));
  }

  /**
   * Starts an engine whose sandboxes come from {@code tiers}, the first the default: the assembly,
   * top to bottom.
   */
  static Engine start(EngineConfig config, List<SandboxTier> tierList) {
    Runtimes runtimes = Runtimes.builtIn();
    RegisteredEngine host = RegisteredEngine.open(config, runtimes);
    Tiers tiers = null;
    WarmPools pools = null;
    WarmPools sessionPools = null;
    try {
      Set<String> pooled =
          config.warmPools().stream()
              .filter(p -> p.size() > 0 && p.isolation() != null)
              .map(p -> p.isolation().tierName())
              .collect(Collectors.toSet());
      tiers = Tiers.open(tierList, host, pooled);
      host.sweepDeadEngines();
      Reaper reaper = new Reaper();
      pools =
          WarmPools.start(
              SandboxSpec.Kind.PROGRAM,
              config.warmPools(),
              config.warmMaxIdle(),
              runtimes,
              tiers::backend,
              reaper);
      sessionPools =
          WarmPools.start(
              SandboxSpec.Kind.SESSION,
              config.sessionPools(),
              config.warmMaxIdle(),
              runtimes,
              tiers::backend,
              reaper);
      Runs runs = new Runs(runtimes, tiers, pools, reaper, config.outputs());
      return new Engine(host, tiers, pools, sessionPools, reaper, runs, runtimes, config.outputs());
    } catch (SandboxUnavailableException | IllegalArgumentException e) {
      closeQuietly(tiers, host, pools, sessionPools);
      throw e;
    } catch (RuntimeException e) {
      closeQuietly(tiers, host, pools, sessionPools);
      throw new SandboxUnavailableException(List.of(String.valueOf(e.getMessage())));
    }
  }

  /** Undoes a start that failed: the program pools may be filling when the session pools fail. */
  private static void closeQuietly(Tiers tiers, RegisteredEngine host, WarmPools... pools) {
    try {
      for (WarmPools p : pools) {
        if (p != null) {
          p.close();
        }
      }
      if (tiers != null) {
        tiers.close();
      }
    } finally {
      host.close();
    }
  }

  /**
   * True when this process runs as the host's root: its engines then run every sandbox as an
   * unprivileged uid of their own range ({@link EngineConfig#sandboxUidBase()}), and keep their
   * state under {@code /run/bulwark} by default.
   */
  public static boolean runsAsRoot() {
    return HostUser.isRoot();
  }

  /** The built-in language whose file extensions include the file's, if any. */
  public static Optional<String> languageOfFile(String fileName) {
    return Runtimes.builtIn().forFileName(fileName).map(RuntimeDescriptor::name);
  }

  /** The canonical names of the languages this engine runs, in a stable order. */
  public List<String> languages() {
    return runtimes.names();
  }

  /** The canonical name of a language, given its name or one of its aliases; empty if unknown. */
  public Optional<String> language(String nameOrAlias) {
    return runtimes.find(nameOrAlias).map(RuntimeDescriptor::name);
  }

  /**
   * The runtime of a language and the version it reports itself, asked once.
   *
   * @throws IllegalArgumentException when the language is unknown
   * @throws IllegalStateException when the runtime is not installed or does not answer
   */
  public RuntimeInfo runtimeInfo(String language) {
    return runtimes.info(resolve(language));
  }

  /**
   * The modules a program of this language can import, as the runtime itself lists them from inside
   * a sandbox; found once per engine.
   *
   * @throws IllegalArgumentException when the language is unknown
   * @throws IllegalStateException when the probe fails
   */
  public List<String> packages(String language) {
    RuntimeDescriptor runtime = resolve(language);
    if (runtime.packagesProbe().isEmpty()) {
      return List.of();
    }
    return packages.computeIfAbsent(
        runtime.name(),
        name -> {
          ExecutionResult r =
              execute(
                  new Job(
                      name,
                      runtime.packagesProbe(),
                      Profiles.DEFAULT,
                      new byte[0],
                      Policies.builtIn("audit")));
          if (r.status() != Status.OK) {
            throw new IllegalStateException(
                "cannot list the packages of " + name + ": " + r.status() + " " + r.reason());
          }
          return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        });
  }

  /**
   * Every runtime with its version and importable modules, for callers choosing what to write.
   *
   * @throws IllegalStateException when a runtime's version or packages cannot be found
   */
  public List<RuntimeDescription> describeRuntimes() {
    return runtimes.all().stream()
        .map(d ->
            new RuntimeDescription(
                d.name(),
                runtimes.info(d).version(),
                d.aliases(),
                d.extensions(),
                packages(d.name())))
        .toList();
  }

  /** What each warm pool has done so far ({@link EngineConfig#warmPools()}). */
  public List<WarmPoolStats> warmPools() {
    return pools.stats();
  }

  /**
   * What each session pool has done so far ({@link EngineConfig#sessionPools()}): its hits are
   * sessions opened on a waiting sandbox, its misses sessions of its kind that found none and
   * started cold.
   */
  public List<WarmPoolStats> sessionPools() {
    return sessionPools.stats();
  }

  /**
   * True once every warm pool and every session pool has been full at least once: the server's
   * readiness.
   */
  public boolean warm() {
    return pools.warm() && sessionPools.warm();
  }

  /** What this engine runs without, because the operator allowed a degraded mode. */
  public List<String> warnings() {
    return tiers.warnings();
  }

  /**
   * Each isolation tier: whether it runs on this host (and if not, why), and the version of what
   * isolates.
   */
  public List<TierDescription> describeIsolation() {
    return tiers.all().stream()
        .map(t ->
            new TierDescription(
                t.name(),
                t.version(),
                tiers.problems(t.name()).isEmpty(),
                String.join("; ", tiers.problems(t.name()))))
        .toList();
  }

  /**
   * Runs the request on the calling thread and waits for its result. Never throws for anything the
   * code does: every outcome is a {@link Status}.
   *
   * @throws IllegalArgumentException when the language is unknown
   * @throws SandboxUnavailableException when the job's isolation tier cannot run on this host
   */
  public ExecutionResult execute(Job request) {
    return execute(request, ExecutionListener.NONE);
  }

  /**
   * Runs the request on the calling thread; {@code listener} hears it as it happens ({@link
   * ExecutionListener}), and may cancel it from another thread with the {@link Execution} it gets
   * first. A listener that throws from {@link ExecutionListener#decided} stops the program before
   * it runs (the result is a {@link Status#SANDBOX_ERROR}).
   *
   * @throws IllegalArgumentException when the language is unknown
   */
  public ExecutionResult execute(Job request, ExecutionListener listener) {
    return accept(request, listener).runHere();
  }

  /**
   * Starts the request on a virtual thread.
   *
   * @throws IllegalArgumentException when the language is unknown
   */
  public Execution submit(Job request) {
    return submit(request, ExecutionListener.NONE);
  }

  /**
   * Starts the request on a virtual thread; {@code listener} hears it as it happens.
   *
   * @throws IllegalArgumentException when the language is unknown
   */
  public Execution submit(Job request, ExecutionListener listener) {
    Execution execution = accept(request, listener);
    Thread.ofVirtual().name("bulwark-execution").start(execution::runHere);
    return execution;
  }

  /**
   * The execution of a request, not started: its lifecycle is a {@link Run}.
   *
   * @throws SandboxUnavailableException when its isolation tier cannot run here
   */
  private Execution accept(Job request, ExecutionListener listener) {
    RuntimeDescriptor runtime = resolve(request.language());
    tiers.backend(request.isolation() == null ? null : request.isolation().tierName());
    Run run =
        runs.newRun(
            request, runtime, Decider.policy(runtime, request.code(), request.policy()), listener);
    return new Execution(run::run, run::cancel, listener);
  }

  /**
   * Validates a program without running it: the runtime's runner parses it in a fresh sandbox (bash
   * is read on the host), and the policy's rules decide.
   *
   * @throws IllegalArgumentException when the language is unknown
   * @throws IllegalStateException when the sandbox could not parse the program
   */
  public Validation validate(String language, String code, Policy policy) {
    return validate(language, code, policy, null);
  }

  /**
   * Validates a program without running it, its parse in a sandbox of {@code isolation} (null: the
   * default tier): a caller who must run in gVisor has its code parsed there too.
   *
   * @throws IllegalArgumentException when the language is unknown
   * @throws IllegalStateException when the sandbox could not parse the program
   * @throws SandboxUnavailableException when the tier cannot run here
   */
  public Validation validate(String language, String code, Policy policy, Isolation isolation) {
    RuntimeDescriptor runtime = resolve(language);
    Summary summary = summarise(language, code, isolation);
    return Validator.validate(runtime.name(), code, summary, policy)
        .withSyntaxError(summary.syntaxError());
  }

  /**
   * What the runtime's runner sees in a program, parsed in a fresh sandbox and never run: for tools
   * that judge one program under several policies. Empty for languages read on the host. The type
   * is the validation engine's own, not the API's: this is for the benchmarks and the evaluation,
   * which measure that engine.
   *
   * @throws IllegalArgumentException when the language is unknown
   * @throws IllegalStateException when the sandbox could not parse the program
   */
  public Summary summarise(String language, String code) {
    return summarise(language, code, null);
  }

  private Summary summarise(String language, String code, Isolation isolation) {
    RuntimeDescriptor runtime = resolve(language);
    if (!runtime.hasRunner()) {
      return Summary.empty();
    }
    AtomicReference<Summary> seen = new AtomicReference<>();
    Decider parseOnly =
        summary -> {
          seen.set(summary);
          return Decision.stop("parsed only", List.of());
        };
    Job request = new Job(runtime.name(), code, Profiles.DEFAULT).withIsolation(isolation);
    tiers.backend(isolation == null ? null : isolation.tierName());
    ExecutionResult r = runs.newRun(request, runtime, parseOnly, ExecutionListener.NONE).run();
    if (seen.get() == null) {
      throw new IllegalStateException(
          "the program could not be parsed: " + r.status() + ": " + r.reason());
    }
    return seen.get();
  }

  /**
   * Opens a session: one sandbox for its whole life, with a persistent interpreter ({@link
   * Session}). Takes a sandbox waiting in a session pool ({@link EngineConfig#sessionPools()}) that
   * serves the spec's language, limits and tier when the session may not connect, else starts one,
   * and blocks until its interpreter is ready.
   *
   * @throws IllegalArgumentException when the language is unknown or the tier is not this engine's
   * @throws SessionIsolationException when the tier does not host sessions yet (gVisor)
   * @throws SessionDeadException when the sandbox could not be started (its end says why: {@link
   *     SessionEnd.Cause#START_FAILED}), or the engine is closed
   */
  public Session openSession(SessionSpec spec) {
    return sessions.open(resolve(spec.language()), spec);
  }

  /** This engine's sessions that have not ended, in the order they were opened. */
  public List<Session> sessions() {
    return sessions.all();
  }

  /** The session of this id, if it has not ended. */
  public Optional<Session> session(String id) {
    return sessions.find(id);
  }

  /** A cell as an execution: its listener hears it start (with its canceller) and complete. */
  private static ExecutionResult startCell(
      Supplier<ExecutionResult> run, Runnable cancel, ExecutionListener listener) {
    ExecutionResult result = new Execution(run, cancel, listener).runHere();
    try {
      listener.completed(result);
    } catch (RuntimeException e) {
      LOG.warn("a listener failed as its cell completed", e);
    }
    return result;
  }

  /**
   * The bytes of a large artifact the engine keeps ({@link dev.bulwark.model.Artifact#ref()}),
   * while it keeps it ({@link OutputCaps#artifactTtl()}); the caller closes the stream.
   *
   * @return empty when the ref is unknown or expired
   */
  public Optional<InputStream> artifact(String ref) {
    return runs.artifacts().open(ref);
  }

  /** The runs this engine shares its sandboxes with: for tests that drive a run's phases. */
  Runs runs() {
    return runs;
  }

  private RuntimeDescriptor resolve(String language) {
    return runtimes
        .find(language)
        .orElseThrow(() ->
            new IllegalArgumentException(
                "unknown language '"
                    + language
                    + "': known languages are "
                    + runtimes.knownNames()));
  }

  /**
   * Cancels the runs in flight and waits for them, destroys the warm sandboxes and what the tier
   * keeps ready, waits for the sandboxes being destroyed in the background, and releases the state
   * directory.
   */
  @Override
  public void close() {
    sessions.close();
    runs.close();
    pools.close();
    sessionPools.close();
    tiers.close();
    reaper.close();
    host.close();
  }
}
