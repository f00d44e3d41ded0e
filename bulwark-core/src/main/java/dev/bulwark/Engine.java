package dev.bulwark;

import dev.bulwark.internal.bwrap.Gate;
import dev.bulwark.internal.bwrap.SandboxHost;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Outcome;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.Summary;
import dev.bulwark.policy.Validation;
import dev.bulwark.policy.Validator;
import dev.bulwark.spi.RuntimeDescriptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

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
  private final SandboxHost host;
  private final Runtimes runtimes;
  private final java.util.Map<String, List<String>> packages =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Engine(SandboxHost host, Runtimes runtimes) {
    this.host = host;
    this.runtimes = runtimes;
  }

  /**
   * Prepares the host (state directory, seccomp filters, cgroups) and cleans what a crashed engine
   * left behind.
   *
   * @throws dev.bulwark.spi.SandboxUnavailableException when a limit could not be enforced and the
   *     configuration does not allow a degraded mode
   */
  public static Engine start(EngineConfig config) {
    Runtimes runtimes = Runtimes.builtIn();
    return new Engine(SandboxHost.open(config, runtimes), runtimes);
  }

  public Runtimes runtimes() {
    return runtimes;
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
                      dev.bulwark.policy.Policies.builtIn("audit")));
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
    return host.warmPools();
  }

  /** True once every warm pool has been full at least once: the server's readiness. */
  public boolean warm() {
    return host.warm();
  }

  /** What this engine runs without, because the operator allowed a degraded mode. */
  public List<String> warnings() {
    return host.warnings();
  }

  /**
   * Runs the request on the calling thread and waits for its result. Never throws for anything the
   * code does: every outcome is a {@link Status}.
   *
   * @throws IllegalArgumentException when the language is unknown
   */
  public ExecutionResult execute(Job request) {
    return execute(request, ExecutionListener.NONE);
  }

  /**
   * Runs the request on the calling thread; {@code listener} hears its findings and output as they
   * come. A listener that throws from {@link ExecutionListener#findings} stops the program before
   * it runs (the result is a {@link Status#SANDBOX_ERROR}).
   *
   * @throws IllegalArgumentException when the language is unknown
   */
  public ExecutionResult execute(Job request, ExecutionListener listener) {
    return prepare(request, listener).run();
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
   * Starts the request on a virtual thread; {@code listener} hears its findings and output as they
   * come.
   *
   * @throws IllegalArgumentException when the language is unknown
   */
  public Execution submit(Job request, ExecutionListener listener) {
    Prepared prepared = prepare(request, listener);
    if (prepared.handle() == null) {
      return Execution.finished(prepared.run());
    }
    CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
    Thread.ofVirtual().name("bulwark-execution").start(() -> result.complete(prepared.run()));
    return new Execution(result, prepared.handle()::cancel);
  }

  /**
   * A request ready to run: its sandbox run, and the findings of rules read on the host; or its
   * result already, when it cannot run ({@code handle} null).
   */
  private record Prepared(
      SandboxHost.Handle handle,
      List<Finding> hostFindings,
      ExecutionResult notRun,
      RuntimeInfo info) {
    /** A request that cannot run: its result is known already. */
    static Prepared finished(ExecutionResult result) {
      return new Prepared(null, List.of(), result, result.runtime());
    }

    /** Runs on the calling thread; never throws. */
    ExecutionResult run() {
      if (handle == null) {
        return notRun;
      }
      try {
        ExecutionResult r = handle.run();
        return hostFindings.isEmpty() ? r : r.withFindings(hostFindings);
      } catch (RuntimeException | Error e) {
        return ExecutionResult.notRun(Status.SANDBOX_ERROR, "engine failure: " + e, info);
      }
    }
  }

  private Prepared prepare(Job request, ExecutionListener listener) {
    RuntimeDescriptor runtime = resolve(request.language());
    RuntimeInfo info;
    try {
      info = runtimes.info(runtime);
    } catch (IllegalStateException e) {
      RuntimeInfo unknown = new RuntimeInfo(runtime.name(), "");
      return Prepared.finished(
          ExecutionResult.notRun(Status.SANDBOX_ERROR, e.getMessage(), unknown));
    }
    Policy policy = request.policy();
    Gate gate = summary -> decide(runtime, request.code(), Summary.parse(summary), policy);
    List<Finding> hostFindings = List.of();
    if (!runtime.hasRunner()) {
      // No runner parses this language in the sandbox: its rules read the text on the host.
      Gate.Decision d = decide(runtime, request.code(), Summary.empty(), policy);
      if (!d.run()) {
        return Prepared.finished(
            ExecutionResult.notRun(Status.POLICY_DENIED, d.reason(), info)
                .withFindings(d.findings()));
      }
      hostFindings = d.findings();
      listener.findings(hostFindings);
    }
    return new Prepared(
        host.prepare(request, runtime, info, gate, listener), hostFindings, null, info);
  }

  /**
   * Validates a program without running it: the runtime's runner parses it in a fresh sandbox (bash
   * is read on the host), and the policy's rules decide.
   *
   * @throws IllegalArgumentException when the language is unknown
   * @throws IllegalStateException when the sandbox could not parse the program
   */
  public Validation validate(String language, String code, Policy policy) {
    RuntimeDescriptor runtime = resolve(language);
    Summary summary = summarise(language, code);
    return Validator.validate(runtime.name(), code, summary, policy)
        .withSyntaxError(summary.parsed() ? null : summary.error());
  }

  /**
   * What the runtime's runner sees in a program, parsed in a fresh sandbox and never run: for tools
   * that judge one program under several policies. Empty for languages read on the host.
   *
   * @throws IllegalArgumentException when the language is unknown
   * @throws IllegalStateException when the sandbox could not parse the program
   */
  public Summary summarise(String language, String code) {
    RuntimeDescriptor runtime = resolve(language);
    if (!runtime.hasRunner()) {
      return Summary.empty();
    }
    AtomicReference<Summary> seen = new AtomicReference<>();
    Gate gate =
        summary -> {
          seen.set(Summary.parse(summary));
          return Gate.Decision.stop("parsed only", List.of());
        };
    Job request = new Job(runtime.name(), code, Profiles.DEFAULT);
    ExecutionResult r =
        host.prepare(request, runtime, runtimes.info(runtime), gate, ExecutionListener.NONE).run();
    if (seen.get() == null) {
      throw new IllegalStateException(
          "the program could not be parsed: " + r.status() + ": " + r.reason());
    }
    return seen.get();
  }

  private static Gate.Decision decide(
      RuntimeDescriptor runtime, String code, Summary summary, Policy policy) {
    Validation v = Validator.validate(runtime.name(), code, summary, policy);
    if (v.outcome() != Outcome.DENY) {
      return Gate.Decision.run(v.findings());
    }
    Finding first =
        v.findings().stream().filter(f -> f.outcome() == Outcome.DENY).findFirst().orElseThrow();
    long denials = v.findings().stream().filter(f -> f.outcome() == Outcome.DENY).count();
    return Gate.Decision.stop(
        "the policy '"
            + policy.name()
            + "' denies this program: "
            + first.message()
            + " (line "
            + first.line()
            + ", "
            + first.ruleId()
            + (denials > 1 ? "; " + (denials - 1) + " more in the findings" : "")
            + ")",
        v.findings());
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

  @Override
  public void close() {
    host.close();
  }
}
