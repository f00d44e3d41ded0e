package dev.bulwark.api;

import dev.bulwark.Engine;
import dev.bulwark.Execution;
import dev.bulwark.ExecutionListener;
import dev.bulwark.Job;
import dev.bulwark.WarmPoolStats;
import dev.bulwark.audit.Anomalies;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.RuntimeDescription;
import dev.bulwark.model.Status;
import dev.bulwark.model.ValidationReport;
import dev.bulwark.policy.Policy;
import dev.bulwark.tenant.ApiKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
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
    private void record(String client, Job request) {
      audit.accepted(
          new AuditLog.Accepted(
              id,
              caller.tenant(),
              caller.keyId(),
              client,
              language,
              engine.runtimeInfo(language).version(),
              request.code(),
              request.policy().name(),
              request.limits(),
              permit.queued().toMillis()));
      recorded = true;
      metrics.started();
    }

    /** Records the result; the body the API answers: the result under its {@code id}. */
    ExecutionResult finished(ExecutionResult r) {
      result = r;
      return r.withId(id);
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

  private Run admit(ApiKeys.Caller caller, Job request) {
    Admission.Permit permit = admission.admit(caller.tenant());
    try {
      return new Run(caller, permit, engine.language(request.language()).orElseThrow());
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
    try (Run run = admit(caller, request)) {
      return execute(run, client, request, ExecutionListener.NONE);
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
    try (Run run = admit(caller, request)) {
      EventStream events = open.get();
      try {
        events.finish(execute(run, client, request, events));
      } finally {
        events.stop();
      }
    }
  }

  /**
   * The one way an execution runs. The accepted record is written while the sandbox gets the
   * program and its runner parses it: the engine's barrier before the program may run ({@link
   * ExecutionListener#decided}) waits for it, and the program does not run when it could not be
   * written. {@code listener} hears the run after that.
   */
  private ExecutionResult execute(Run run, String client, Job request, ExecutionListener listener) {
    CompletableFuture<Void> recorded = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("bulwark-accepted")
        .start(() -> {
          try {
            run.record(client, request);
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
      ExecutionResult result = engine.execute(request, afterTheRecord.andThen(listener));
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
   * Validates code under a policy, admitted as an execution is (it costs like one); nothing runs.
   *
   * @throws ApiError 429 when the tenant or the machine has no room
   */
  ValidationReport validate(ApiKeys.Caller caller, String language, String code, Policy policy) {
    try (Admission.Permit permit = admission.admit(caller.tenant())) {
      return engine.validate(language, code, policy).report(policy.name());
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

  /** Whether every warm pool has filled once. */
  boolean warm() {
    return engine.warm();
  }

  /** The warm pools, as they are now. */
  List<WarmPoolStats> pools() {
    return engine.warmPools();
  }
}
