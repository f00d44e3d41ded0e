package dev.bulwark.api;

import dev.bulwark.Engine;
import dev.bulwark.ExecutionListener;
import dev.bulwark.Job;
import dev.bulwark.audit.Anomalies;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.Status;
import dev.bulwark.tenant.ApiKeys;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One execution for a caller, the same way from every door (the API, agent runs, MCP): admitted
 * under the tenant's caps and the machine's slots, recorded in the audit log before it runs and
 * completed after, counted in the metrics, and watched for anomalies.
 */
final class Executions {
  private final Engine engine;
  private final AuditLog audit;
  private final Admission admission;
  private final Metrics metrics;
  private final Anomalies anomalies;
  private final EventLog eventLog;

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
  final class Run implements AutoCloseable {
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

    String id() {
      return id;
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
              request.limits()));
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

  /** Runs the request to its end, with no one listening as it runs: the API's JSON body. */
  ExecutionResult run(ApiKeys.Caller caller, String client, Job request) {
    return run(caller, client, request, ExecutionListener.NONE);
  }

  /**
   * Runs the request to its end: the API's body, the result and its {@code id}. The accepted record
   * is written while the sandbox gets the program and its runner parses it: the engine's barrier
   * before the program runs ({@link ExecutionListener#decided}) waits for it, and the program does
   * not run when it could not be written. Streaming is only a listener: {@code stream} hears the
   * run after the record (and gets its {@link dev.bulwark.Execution}, to cancel it when its client
   * goes away).
   *
   * @throws ApiError 429 when the tenant or the machine has no room
   */
  ExecutionResult run(ApiKeys.Caller caller, String client, Job request, ExecutionListener stream) {
    try (Run run = admit(caller, request)) {
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
      ExecutionListener afterTheRecord =
          new ExecutionListener() {
            @Override
            public void decided(List<Finding> findings) {
              recorded.join(); // throws when the record failed: the program does not run
            }
          };
      try {
        ExecutionResult result = engine.execute(request, afterTheRecord.andThen(stream));
        recorded.join();
        return run.finished(result);
      } catch (CompletionException e) { // the record failed: the store's error
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      } finally {
        recorded.exceptionally(e -> null).join(); // close() completes the record if it exists
      }
    }
  }

  /** A slot for work that is not an execution but costs like one (validation). */
  Admission.Permit admit(ApiKeys.Caller caller) {
    return admission.admit(caller.tenant());
  }
}
