package dev.bulwark.api;

import dev.bulwark.Session;
import dev.bulwark.SessionEnd;
import dev.bulwark.SessionSpec;
import dev.bulwark.audit.SessionLog;
import dev.bulwark.tenant.ApiKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's sessions, each owned by one tenant: opened within the tenant's caps (live sessions,
 * their memory limits added up), found only by their tenant (another tenant's id is as unknown as
 * one that never was), recorded when they open and when they end. A reaper, each second, records
 * the end of sessions the engine ended (idle, lifetime, out of memory...) and forgets ended ones
 * after {@link #ENDED_KEPT}, during which their id answers {@code 409 session_dead} with the
 * reason. Closing the server ends every session, each with its record.
 */
final class Sessions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  /** How long an ended session's id still says why it ended, before it is unknown (404). */
  static final Duration ENDED_KEPT = Duration.ofMinutes(10);

  private final Executions executions;
  private final SessionLog log;
  private final SessionSettings settings;
  private final Map<String, Owned> byId = new ConcurrentHashMap<>();
  private final Map<String, Integer> opening = new HashMap<>(); // guarded by this
  private final Map<String, Long> openingMemory = new HashMap<>(); // guarded by this
  private final ScheduledExecutorService reaper;
  private final ScheduledFuture<?> sweep;

  /** A session and who owns it; {@code ended} once its end is recorded. */
  private static final class Owned {
    final Session session;
    final String tenantId;
    final String tenantName;
    volatile boolean ended;

    Owned(Session session, String tenantId, String tenantName) {
      this.session = session;
      this.tenantId = tenantId;
      this.tenantName = tenantName;
    }
  }

  /** A tenant's live sessions: how many, and the memory their limits hold against its cap. */
  record Held(String tenant, int sessions, long memoryBytes) {}

  Sessions(Executions executions, SessionLog log, SessionSettings settings) {
    this.executions = executions;
    this.log = log;
    this.settings = settings;
    this.reaper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bulwark-session-reaper").daemon().factory());
    sweep = reaper.scheduleWithFixedDelay(this::reap, 1, 1, TimeUnit.SECONDS);
  }

  /** The server's settings for sessions. */
  SessionSettings settings() {
    return settings;
  }

  /**
   * Opens a session for the caller and records it.
   *
   * @throws ApiError 409 {@code too_many_sessions} or {@code session_memory_limit} over the
   *     tenant's caps, 429 when the tenant or the machine has no room
   */
  Session open(ApiKeys.Caller caller, String client, SessionSpec spec) {
    String tenant = caller.tenant().id();
    long memory = spec.limits().memoryBytes();
    reserve(caller, memory);
    try {
      Session session = executions.openSession(caller, spec);
      Owned owned = new Owned(session, tenant, caller.tenant().name());
      byId.put(session.id(), owned);
      try {
        log.started(
            new SessionLog.Started(
                session.id(),
                caller.tenant(),
                caller.keyId(),
                client,
                session.language(),
                executions.runtimeVersion(session.language()),
                spec.policy().name(),
                spec.limits()));
      } catch (RuntimeException e) {
        byId.remove(session.id());
        session.close();
        throw e;
      }
      return session;
    } finally {
      release(tenant, memory);
    }
  }

  /** Counts a session being opened against the tenant's caps, with those it holds. */
  private synchronized void reserve(ApiKeys.Caller caller, long memory) {
    String tenant = caller.tenant().id();
    List<Session> live = live(tenant);
    int count = live.size() + opening.getOrDefault(tenant, 0);
    if (count >= settings.maxPerTenant()) {
      throw new ApiError(
          409,
          "too_many_sessions",
          "tenant '"
              + caller.tenant().name()
              + "' already holds "
              + settings.maxPerTenant()
              + " sessions; end one first",
          Map.of("maxSessions", settings.maxPerTenant()));
    }
    long held =
        live.stream().mapToLong(s -> s.spec().limits().memoryBytes()).sum()
            + openingMemory.getOrDefault(tenant, 0L);
    if (held + memory > settings.maxMemoryPerTenant()) {
      throw new ApiError(
          409,
          "session_memory_limit",
          "tenant '"
              + caller.tenant().name()
              + "' holds sessions of "
              + held
              + " bytes of memory; another of "
              + memory
              + " would pass its cap of "
              + settings.maxMemoryPerTenant(),
          Map.of("maxMemoryBytes", settings.maxMemoryPerTenant(), "heldBytes", held));
    }
    opening.merge(tenant, 1, Integer::sum);
    openingMemory.merge(tenant, memory, Long::sum);
  }

  private synchronized void release(String tenant, long memory) {
    opening.merge(tenant, -1, Integer::sum);
    openingMemory.merge(tenant, -memory, Long::sum);
  }

  /** What each tenant holds now, by tenant name: the metrics' view of the caps. */
  List<Held> held() {
    Map<String, Held> byTenant = new TreeMap<>();
    for (Owned o : byId.values()) {
      if (o.session.end().isEmpty()) {
        long memory = o.session.spec().limits().memoryBytes();
        byTenant.merge(
            o.tenantName,
            new Held(o.tenantName, 1, memory),
            (a, b) -> new Held(a.tenant(), a.sessions() + 1, a.memoryBytes() + b.memoryBytes()));
      }
    }
    return List.copyOf(byTenant.values());
  }

  private List<Session> live(String tenant) {
    return byId.values().stream()
        .filter(o -> o.tenantId.equals(tenant) && o.session.end().isEmpty())
        .map(o -> o.session)
        .toList();
  }

  /**
   * The caller's session of this id, live or ended a short while ago.
   *
   * @throws ApiError 404 {@code session_not_found} for an id unknown, forgotten or another tenant's
   */
  Session find(ApiKeys.Caller caller, String id) {
    Owned o = byId.get(id);
    if (o == null || !o.tenantId.equals(caller.tenant().id())) {
      throw new ApiError(
          404, "session_not_found", "no session " + id + " of this tenant", Map.of("id", id));
    }
    return o.session;
  }

  /** The caller's sessions, live or ended a short while ago, in the order they opened. */
  List<Session> list(ApiKeys.Caller caller) {
    return byId.values().stream()
        .filter(o -> o.tenantId.equals(caller.tenant().id()))
        .map(o -> o.session)
        .sorted(Comparator.comparing(Session::startedAt))
        .toList();
  }

  /**
   * Ends the caller's session, its files destroyed, and forgets it.
   *
   * @throws ApiError 404 as {@link #find} does
   */
  void delete(ApiKeys.Caller caller, String id) {
    Session s = find(caller, id);
    s.close();
    Owned o = byId.remove(id);
    if (o != null) {
      recordEnd(o);
    }
  }

  /** When the session ends unless it is used again: idle, or at its lifetime. */
  static Instant expiresAt(Session s) {
    SessionSpec spec = s.spec();
    Instant idle = s.lastActiveAt().plus(spec.idleTimeout());
    Instant life = s.startedAt().plus(spec.maxLifetime());
    return idle.isBefore(life) ? idle : life;
  }

  /** Records the ends the engine reached by itself and forgets sessions ended long enough ago. */
  private void reap() {
    try {
      Instant forget = Instant.now().minus(ENDED_KEPT);
      for (Owned o : byId.values()) {
        if (o.session.end().isPresent()) {
          recordEnd(o);
        }
      }
      byId.values().removeIf(o -> o.session.end().map(e -> e.at().isBefore(forget)).orElse(false));
    } catch (RuntimeException e) {
      LOG.error("the session reaper failed; it runs again in a second", e);
    }
  }

  private void recordEnd(Owned o) {
    synchronized (o) {
      if (o.ended) {
        return;
      }
      o.ended = true;
    }
    Session s = o.session;
    SessionEnd end =
        s.end().orElseGet(() -> new SessionEnd(SessionEnd.Cause.CLOSED, "closed", Instant.now()));
    try {
      log.ended(s.id(), end.cause().name(), end.reason(), end.at(), s.cellCount());
    } catch (RuntimeException e) {
      LOG.error("cannot record the end of session {}", s.id(), e);
    }
  }

  /** Ends every session and records each end; the reaper stops. */
  @Override
  public void close() {
    sweep.cancel(false);
    reaper.shutdownNow();
    for (Owned o : byId.values()) {
      o.session.close();
      recordEnd(o);
    }
    byId.clear();
  }
}
