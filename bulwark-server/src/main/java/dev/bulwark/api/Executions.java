package dev.bulwark.api;

import dev.bulwark.Cell;
import dev.bulwark.Engine;
import dev.bulwark.Execution;
import dev.bulwark.ExecutionListener;
import dev.bulwark.Job;
import dev.bulwark.Session;
import dev.bulwark.SessionBusyException;
import dev.bulwark.SessionDeadException;
import dev.bulwark.SessionEnd;
import dev.bulwark.SessionSpec;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.audit.Anomalies;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.Limits;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.Status;
import dev.bulwark.model.TierDescription;
import dev.bulwark.model.ValidationReport;
import dev.bulwark.policy.Policy;
import dev.bulwark.tenant.ApiKeys;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the handlers ask of the engine, in one class. An execution runs the same way whichever way
 * it came (the API, agent runs, MCP): admitted under the tenant's caps and the machine's slots,
 * recorded in the audit log before it runs and completed after, counted in the metrics, and watched
 * for anomalies. Validation takes a slot as an execution does. The rest is what the server reads of
 * the engine: its runtimes and whether its warm pools are ready.
 */
final class Executions {
  private static final Logger LOG = LoggerFactory.getLogger(Executions.class);

  /** How long cancelled executions may take to end: their sandboxes are killed, not asked. */
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

  private final Engine engine;
  private final AuditLog audit;
  private final Admission admission;
  private final Metrics metrics;
  private final Anomalies anomalies;
  private final EventLog eventLog;
  private final Set<Execution> inFlight = ConcurrentHashMap.newKeySet();
  private final KeptArtifacts kept;

  Executions(
      Engine engine,
      AuditLog audit,
      Admission admission,
      Metrics metrics,
      Anomalies anomalies,
      EventLog eventLog) {
    this.engine = engine;
    this.audit = audit;
    this.admission = admission;
    this.metrics = metrics;
    this.anomalies = anomalies;
    this.eventLog = eventLog;
    this.kept = new KeptArtifacts(engine::artifact);
  }

  /**
   * An admitted, recorded execution whose program the caller runs on the engine; {@link #close()}
   * completes its record (as an engine failure when no result came) and frees its slot.
   */
  private final class Run implements AutoCloseable {
    private final String id = UUID.randomUUID().toString();
    private final ApiKeys.Caller caller;
    private final Admission.Permit permit;
    private final String language;
    private volatile boolean recorded; // set by the thread that wrote the accepted record
    private ExecutionResult result;

    private Run(ApiKeys.Caller caller, Admission.Permit permit, String language) {
      this.caller = caller;
      this.permit = permit;
      this.language = language;
    }

    /** Writes the accepted record; the program must not run before it is written. */
    private void record(String client, Program what) {
      audit.accepted(
          new AuditLog.Accepted(
              id,
              caller.tenant(),
              caller.keyId(),
              client,
              language,
              engine.runtimeInfo(language).version(),
              what.code(),
              what.policy(),
              what.limits(),
              permit.queued().toMillis(),
              what.sessionId()));
      recorded = true;
      metrics.started();
    }

    /** Records the result; the body the API answers: the result under its {@code id}. */
    ExecutionResult finished(ExecutionResult r) {
      result = r;
      return kept.publish(caller.tenant().id(), r.withId(id));
    }

    @Override
    public void close() {
      if (!recorded) { // the accepted record could not be written: nothing ran, nothing to complete
        permit.close();
        return;
      }
      try {
        ExecutionResult r =
            result != null
                ? result
                : ExecutionResult.notRun(
                    Status.SANDBOX_ERROR, "engine failure", engine.runtimeInfo(language));
        audit.finished(id, r, caller.tenant().retainContent());
        metrics.ended(caller.tenant().name(), r);
        anomalies
            .observe(
                caller.tenant(),
                caller.keyId(),
                r.status(),
                r.network().stream().filter(a -> !a.allowed()).count())
            .ifPresent(a -> {
              metrics.anomaly(a);
              eventLog.log("anomaly", Json.mapper().convertValue(a, Map.class));
            });
      } finally {
        permit.close();
      }
    }
  }

  /**
   * What an execution's accepted record says of the program.
   *
   * @param sessionId the session it is a cell of, or null
   */
  private record Program(String code, String policy, Limits limits, String sessionId) {
    static Program of(Job job) {
      return new Program(job.code(), job.policy().name(), job.limits(), null);
    }
  }

  private Run admit(ApiKeys.Caller caller, String language) {
    Admission.Permit permit = admission.admit(caller.tenant());
    try {
      return new Run(caller, permit, engine.language(language).orElseThrow());
    } catch (RuntimeException e) {
      permit.close();
      throw e;
    }
  }

  /**
   * Runs the request to its end: the API's body, the result and its {@code id}.
   *
   * @param client the caller's address, for the audit log
   * @throws ApiError 429 when the tenant or the machine has no room
   */
  ExecutionResult run(ApiKeys.Caller caller, String client, Job request) {
    try (Run run = admit(caller, request.language())) {
      return execute(
          run,
          client,
          Program.of(request),
          l -> engine.execute(request, l),
          ExecutionListener.NONE);
    }
  }

  /**
   * Runs the request, its findings and output sent as events as they come, then its result with its
   * {@code id}. A client that goes away cancels the run. The same path as {@link #run}: the stream
   * is only a listener.
   *
   * @param open starts the stream, once the request is admitted
   * @throws ApiError 429 when the tenant or the machine has no room
   */
  void stream(ApiKeys.Caller caller, String client, Job request, Supplier<EventStream> open) {
    try (Run run = admit(caller, request.language())) {
      streamed(
          open,
          events ->
              execute(run, client, Program.of(request), l -> engine.execute(request, l), events));
    }
  }

  /** Opens the stream, sends the result as its last event; the stream stops whatever happens. */
  private static void streamed(
      Supplier<EventStream> open, Function<EventStream, ExecutionResult> run) {
    EventStream events = open.get();
    try {
      events.finish(run.apply(events));
    } finally {
      events.stop();
    }
  }

  /**
   * Runs a cell of a session, admitted, recorded (as an execution that names its session) and
   * counted as any execution: it holds one of the machine's slots only while it runs. A cell
   * refused at once because another runs or the session has ended takes no slot.
   *
   * @param open starts a stream of events once the cell is admitted, or null for none
   * @return the result with the cell's {@code id}, or null when it was streamed
   * @throws ApiError 429 when the tenant or the machine has no room
   * @throws dev.bulwark.SessionException when the session is busy or has ended
   */
  ExecutionResult cell(
      ApiKeys.Caller caller,
      String client,
      Session session,
      Cell cell,
      Supplier<EventStream> open) {
    Optional<SessionEnd> end = session.end();
    if (end.isPresent()) { // refused before admission: no slot, no record of a cell that never ran
      throw new SessionDeadException(session.id(), end.get());
    }
    if (!cell.waitIfBusy() && session.state() == Session.State.BUSY) {
      throw new SessionBusyException(session.id());
    }
    SessionSpec spec = session.spec();
    Program program = new Program(cell.code(), spec.policy().name(), spec.limits(), session.id());
    try (Run run = admit(caller, session.language())) {
      if (open == null) {
        return execute(run, client, program, l -> session.run(cell, l), ExecutionListener.NONE);
      }
      streamed(open, events -> execute(run, client, program, l -> session.run(cell, l), events));
      return null;
    }
  }

  /**
   * The one way an execution runs. The accepted record is written while the sandbox gets the
   * program and its runner parses it: the engine's barrier before the program may run ({@link
   * ExecutionListener#decided}) waits for it, and the program does not run when it could not be
   * written. {@code listener} hears the run after that.
   */
  private ExecutionResult execute(
      Run run,
      String client,
      Program program,
      Function<ExecutionListener, ExecutionResult> engineRun,
      ExecutionListener listener) {
    CompletableFuture<Void> recorded = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("bulwark-accepted")
        .start(() -> {
          try {
            run.record(client, program);
            recorded.complete(null);
          } catch (RuntimeException | Error e) {
            recorded.completeExceptionally(e);
          }
        });
    AtomicReference<Execution> handle = new AtomicReference<>();
    ExecutionListener afterTheRecord =
        new ExecutionListener() {
          @Override
          public void started(Execution execution) {
            handle.set(execution);
            inFlight.add(execution); // for drain(), which may cancel it
          }

          @Override
          public void decided(List<Finding> findings) {
            recorded.join(); // throws when the record failed: the program does not run
          }
        };
    try {
      ExecutionResult result = engineRun.apply(afterTheRecord.andThen(listener));
      recorded.join();
      return run.finished(result);
    } catch (CompletionException e) { // the record failed: the store's error
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } finally {
      if (handle.get() != null) {
        inFlight.remove(handle.get());
      }
      recorded.exceptionally(e -> null).join(); // close() completes the record if it exists
    }
  }

  /**
   * Stops taking executions and ends those under way: refuses the requests waiting for a slot
   * (503), lets the running ones finish for {@code grace}, then cancels those left (CANCELLED) and
   * waits for their records to be completed.
   *
   * @return whether every admitted request ended
   */
  boolean drain(Duration grace) throws InterruptedException {
    admission.close();
    if (admission.awaitIdle(grace)) {
      return true;
    }
    LOG.warn(
        "{} executions still run after the grace of {}: cancelling them", inFlight.size(), grace);
    long until = System.nanoTime() + CANCEL_WAIT.toNanos();
    do { // again each second: one admitted just before the stop may have started since
      inFlight.forEach(Execution::cancel);
    } while (!admission.awaitIdle(Duration.ofSeconds(1)) && System.nanoTime() < until);
    return admission.awaitIdle(Duration.ZERO);
  }

  /**
   * Opens a session for the caller, admitted as an execution is: starting its sandbox costs like
   * one. The slot is freed once it is open; each cell takes one again ({@link #cell}).
   *
   * @throws ApiError 429 when the tenant or the machine has no room
   * @throws IllegalArgumentException when the runtime has no sessions or the tier is not this
   *     engine's
   * @throws dev.bulwark.SessionDeadException when the sandbox could not start
   */
  Session openSession(ApiKeys.Caller caller, SessionSpec spec) {
    try (Admission.Permit permit = admission.admit(caller.tenant())) {
      return engine.openSession(spec);
    }
  }

  /** The version of a runtime, by its name or alias. */
  String runtimeVersion(String language) {
    return engine.runtimeInfo(language).version();
  }

  /** A one-shot run's kept artifact, for the caller's tenant, while the engine keeps it. */
  Optional<InputStream> artifact(ApiKeys.Caller caller, String executionId, String name) {
    return kept.open(caller.tenant().id(), executionId, name);
  }

  /**
   * Validates code under a policy, admitted as an execution is (it costs like one); nothing runs.
   * The parse runs in the tenant's isolation tier: a tenant set to gVisor never reaches bubblewrap.
   *
   * @throws ApiError 429 when the tenant or the machine has no room
   */
  ValidationReport validate(ApiKeys.Caller caller, String language, String code, Policy policy) {
    try (Admission.Permit permit = admission.admit(caller.tenant())) {
      return engine.validate(language, code, policy, caller.tenant().tier()).report(policy.name());
    }
  }

  /**
   * Refuses a language no runtime answers to.
   *
   * @throws IllegalArgumentException naming the known ones
   */
  void requireLanguage(String language) {
    if (engine.language(language).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown language '" + language + "'; known: " + String.join(", ", engine.languages()));
    }
  }

  /** The runtimes' names. */
  List<String> languages() {
    return engine.languages();
  }

  /** Each runtime with its version and the modules a program can import. */
  List<RuntimeDescription> runtimes() {
    return engine.describeRuntimes();
  }

  /** Each isolation tier, whether it runs here and its version. */
  List<TierDescription> isolation() {
    return engine.describeIsolation();
  }

  /** Whether every warm pool has filled once. */
  boolean warm() {
    return engine.warm();
  }

  /** The warm pools, as they are now. */
  List<WarmPoolStats> pools() {
    return engine.warmPools();
  }
}
