package dev.bulwark.api;

import dev.bulwark.model.Artifact;
import dev.bulwark.model.ExecutionResult;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one-shot artifacts too large to travel in a result, by execution and name, for their tenant
 * only: the result names each by its address ({@code /v1/executions/{id}/artifacts/{name}}) instead
 * of the engine's handle, which never leaves the server. The engine keeps the bytes for a while and
 * forgets them; so does this index, after {@link #KEPT}.
 */
final class KeptArtifacts {
  /** How long an execution's artifacts are indexed; the engine keeps them no longer (15 min). */
  static final Duration KEPT = Duration.ofMinutes(15);

  private record Entry(String tenantId, Map<String, String> refs, long until) {}

  private final Map<String, Entry> byExecution = new ConcurrentHashMap<>();
  private final Function<String, Optional<InputStream>> engine;

  KeptArtifacts(Function<String, Optional<InputStream>> engine) {
    this.engine = engine;
  }

  /** The result as the API answers it: each kept artifact named by its address. */
  ExecutionResult publish(String tenantId, ExecutionResult r) {
    if (r.artifacts().stream().allMatch(Artifact::isInline)) {
      return r;
    }
    forgetExpired();
    Map<String, String> refs = new ConcurrentHashMap<>();
    List<Artifact> shown = new ArrayList<>();
    for (Artifact a : r.artifacts()) {
      if (a.isInline()) {
        shown.add(a);
      } else {
        refs.put(a.name(), a.ref());
        shown.add(
            Artifact.kept(
                a.name(),
                a.size(),
                a.mediaType(),
                "/v1/executions/" + r.id() + "/artifacts/" + a.name()));
      }
    }
    byExecution.put(r.id(), new Entry(tenantId, refs, System.nanoTime() + KEPT.toNanos()));
    return r.withArtifacts(shown);
  }

  /** A kept artifact's bytes, for its tenant only, while it is kept. */
  Optional<InputStream> open(String tenantId, String executionId, String name) {
    Entry e = byExecution.get(executionId);
    if (e == null || !e.tenantId().equals(tenantId) || !e.refs().containsKey(name)) {
      return Optional.empty();
    }
    return engine.apply(e.refs().get(name));
  }

  private void forgetExpired() {
    long now = System.nanoTime();
    byExecution.values().removeIf(e -> now - e.until() > 0);
  }
}
