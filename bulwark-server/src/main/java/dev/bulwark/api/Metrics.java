package dev.bulwark.api;

import dev.bulwark.WarmPoolStats;
import dev.bulwark.audit.Anomalies;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Quantiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/** What the server counts, exported in the Prometheus text format at {@code /metrics}. */
final class Metrics {
  private static final String[] POOL = {"runtime", "profile"};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  private final Counter executions =
      Counter.builder()
          .name("bulwark_executions_total")
          .help("Executions that ended, by tenant, language and status")
          .labelNames("tenant", "language", "status")
          .register(registry);
  private final Histogram duration =
      Histogram.builder()
          .name("bulwark_execution_duration_seconds")
          .help("Wall-clock time of a sandbox, from start to teardown")
          .labelNames("language")
          .classicUpperBounds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
          .register(registry);
  private final Counter findings =
      Counter.builder()
          .name("bulwark_findings_total")
          .help("Validation findings, by rule and outcome")
          .labelNames("rule", "outcome")
          .register(registry);
  private final Counter refusals =
      Counter.builder()
          .name("bulwark_requests_refused_total")
          .help("Requests answered with an error, by HTTP status and code")
          .labelNames("status", "code")
          .register(registry);
  private final Counter anomalies =
      Counter.builder()
          .name("bulwark_anomalies_total")
          .help("Anomalies raised: keys with repeated policy denials or limit hits")
          .labelNames("tenant", "kind")
          .register(registry);
  private final Gauge running =
      Gauge.builder()
          .name("bulwark_executions_running")
          .help("Executions in flight")
          .register(registry);

  /**
   * Exports the engine's warm pools ({@code bulwark_pool_*}) and session pools ({@code
   * bulwark_session_pool_*}), read at each scrape.
   */
  Metrics(Supplier<List<WarmPoolStats>> pools, Supplier<List<WarmPoolStats>> sessionPools) {
    registerPools("bulwark_pool", "Executions", pools);
    registerPools("bulwark_session_pool", "Sessions", sessionPools);
  }

  /** Exports each tenant's live sessions and the memory they hold, read at each scrape. */
  void sessions(Supplier<List<Sessions.Held>> held) {
    GaugeWithCallback.builder()
        .name("bulwark_sessions_live")
        .help("Live sessions, by tenant")
        .labelNames("tenant")
        .callback(cb -> held.get().forEach(h -> cb.call(h.sessions(), h.tenant())))
        .register(registry);
    GaugeWithCallback.builder()
        .name("bulwark_sessions_memory_bytes")
        .help("Memory the limits of a tenant's live sessions hold against its cap")
        .labelNames("tenant")
        .callback(cb -> held.get().forEach(h -> cb.call(h.memoryBytes(), h.tenant())))
        .register(registry);
  }

  /** One family of pool metrics: {@code prefix_size}, {@code prefix_idle} and the counters. */
  private void registerPools(String prefix, String takers, Supplier<List<WarmPoolStats>> pools) {
    GaugeWithCallback.builder()
        .name(prefix + "_size")
        .help("Sandboxes a pool keeps waiting")
        .labelNames(POOL)
        .callback(cb -> pools.get().forEach(p -> cb.call(p.size(), p.runtime(), p.profile())))
        .register(registry);
    GaugeWithCallback.builder()
        .name(prefix + "_idle")
        .help("Sandboxes waiting now: the pool's depth")
        .labelNames(POOL)
        .callback(cb -> pools.get().forEach(p -> cb.call(p.idle(), p.runtime(), p.profile())))
        .register(registry);
    CounterWithCallback.builder()
        .name(prefix + "_hits_total")
        .help(takers + " that took a waiting sandbox")
        .labelNames(POOL)
        .callback(cb -> pools.get().forEach(p -> cb.call(p.hits(), p.runtime(), p.profile())))
        .register(registry);
    CounterWithCallback.builder()
        .name(prefix + "_misses_total")
        .help(takers + " of a pool's kind that found it empty and started cold")
        .labelNames(POOL)
        .callback(cb -> pools.get().forEach(p -> cb.call(p.misses(), p.runtime(), p.profile())))
        .register(registry);
    CounterWithCallback.builder()
        .name(prefix + "_failures_total")
        .help("Sandboxes started for a pool that never became ready")
        .labelNames(POOL)
        .callback(cb -> pools.get().forEach(p -> cb.call(p.failures(), p.runtime(), p.profile())))
        .register(registry);
    CounterWithCallback.builder()
        .name(prefix + "_expired_total")
        .help("Waiting sandboxes replaced because they waited too long or died")
        .labelNames(POOL)
        .callback(cb -> pools.get().forEach(p -> cb.call(p.expired(), p.runtime(), p.profile())))
        .register(registry);
    SummaryWithCallback.builder()
        .name(prefix + "_refill_seconds")
        .help("Time to start one sandbox for a pool, until it is ready")
        .labelNames(POOL)
        .callback(cb ->
            pools
                .get()
                .forEach(p ->
                    cb.call(
                        p.refills(), p.refillSeconds(), Quantiles.EMPTY, p.runtime(), p.profile())))
        .register(registry);
  }

  void started() {
    running.inc();
  }

  void ended(String tenant, ExecutionResult r) {
    running.dec();
    executions.labelValues(tenant, r.runtime().name(), r.status().name()).inc();
    duration.labelValues(r.runtime().name()).observe(r.wallMs() / 1000.0);
    for (Finding f : r.findings()) {
      findings.labelValues(f.ruleId(), f.outcome().name()).inc();
    }
  }

  void anomaly(Anomalies.Anomaly a) {
    anomalies.labelValues(a.tenant(), a.kind()).inc();
  }

  void refused(ApiError e) {
    refusals.labelValues(Integer.toString(e.status()), e.code()).inc();
  }

  String contentType() {
    return writer.getContentType();
  }

  byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
