package dev.bulwark.internal.session;

import dev.bulwark.ExecutionListener;
import dev.bulwark.Isolation;
import dev.bulwark.OutputCaps;
import dev.bulwark.Session;
import dev.bulwark.SessionDeadException;
import dev.bulwark.SessionEnd;
import dev.bulwark.SessionIsolationException;
import dev.bulwark.SessionSpec;
import dev.bulwark.internal.pool.Reaper;
import dev.bulwark.internal.pool.WarmPools;
import dev.bulwark.internal.runtime.FrameReader;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.spi.Program;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxSpec;
import dev.bulwark.spi.SandboxUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's sessions: opens each in a sandbox of its own (one waiting in a session pool when a
 * pool serves it, else a cold one), keeps the live ones by id, ends those idle past their spec's
 * idle timeout or older than its lifetime, and destroys each sandbox off the caller's path once its
 * session ended.
 *
 * <p>A pooled sandbox was started with its agent and kernel loaded and nothing else: no session, no
 * tenant, no file, no code. What is fixed at its start (the cgroup's limits, the mounts and the
 * workspace's size, the rlimits, the network: none) must be what the session asks for, else the
 * session starts cold; what a session sets when it takes one (its id, policy, figures, idle timeout
 * and lifetime, the CPU time and wall clock of its cells) is the host's or the first frame's. A
 * pooled sandbox serves one session only and is destroyed after it, as any session's.
 *
 * <p>Thread-safe. {@link #close()} ends every session ({@link SessionEnd.Cause#ENGINE_CLOSED}); an
 * open after it fails with {@link SessionDeadException}.
 */
public final class Sessions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  /** How long an agent may take to load with its kernel before the session fails to start. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** How often idle and old sessions are looked for. */
  private static final Duration SWEEP = Duration.ofSeconds(1);

  private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  /** How a cell becomes an execution of the engine: its listener hears it start and complete. */
  @FunctionalInterface
  public interface Starter {
    /** Runs {@code run} on the calling thread as an execution that {@code cancel} stops. */
    ExecutionResult start(
        Supplier<ExecutionResult> run, Runnable cancel, ExecutionListener listener);
  }

  private final Runtimes runtimes;
  private final Function<String, SandboxBackend> tiers;
  private final WarmPools pools;
  private final Reaper reaper;
  private final OutputCaps caps;
  private final Starter starter;
  private final Map<String, LiveSession> live = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean closing;

  /**
   * @param tiers the backend of a tier by name, the engine's default for null
   * @param pools the session pools: sandboxes waiting with their agent loaded
   */
  public Sessions(
      Runtimes runtimes,
      Function<String, SandboxBackend> tiers,
      WarmPools pools,
      Reaper reaper,
      OutputCaps caps,
      Starter starter) {
    this.runtimes = runtimes;
    this.tiers = tiers;
    this.pools = pools;
    this.reaper = reaper;
    this.caps = caps;
    this.starter = starter;
    Thread.ofVirtual().name("bulwark-session-sweep").start(this::sweep);
  }

  /**
   * Opens a session of {@code runtime}: a sandbox of its own, its agent loaded with its kernel.
   *
   * @throws IllegalArgumentException when the runtime has no sessions or the tier is not this
   *     engine's
   * @throws SessionIsolationException when the tier does not host sessions (any but bubblewrap)
   * @throws SandboxUnavailableException when the tier could not open on this host
   * @throws SessionDeadException when the sandbox could not start, or the engine is closed
   */
  public Session open(RuntimeDescriptor runtime, SessionSpec spec) {
    if (!runtime.hasSessions()) {
      throw new IllegalArgumentException(runtime.name() + " has no sessions");
    }
    if (spec.tier() != null) {
      requireSessionTier(Isolation.named(spec.tier()).tierName());
    }
    SandboxBackend backend = tiers.apply(spec.tier());
    requireSessionTier(backend.tier());
    String id = newId();
    if (closing) {
      throw startFailed(id, "the engine is closed");
    }
    RuntimeInfo info;
    try {
      info = runtimes.info(runtime);
    } catch (IllegalStateException e) {
      throw startFailed(id, e.getMessage());
    }
    Program program = new Program("", spec.allowedHosts());
    Sandbox sandbox = takeWarm(runtime, spec, backend, program);
    try {
      if (sandbox == null) {
        sandbox =
            backend.prepare(new SandboxSpec(runtime, spec.limits(), SandboxSpec.Kind.SESSION));
        sandbox.handOff(program);
        awaitReady(sandbox);
      }
      LiveSession session = new LiveSession(id, spec, runtime, info, sandbox, this);
      live.put(id, session);
      session.begin();
      if (closing) {
        session.die(SessionEnd.Cause.ENGINE_CLOSED, "the engine closed");
      }
      return session;
    } catch (IOException | RuntimeException e) {
      if (sandbox != null) {
        sandbox.kill();
        String log = stderrTail(sandbox);
        reaper.retire(sandbox);
        live.remove(id);
        throw startFailed(id, e.getMessage() + (log.isEmpty() ? "" : ": " + log));
      }
      throw startFailed(id, String.valueOf(e.getMessage()));
    }
  }

  /**
   * A pooled sandbox, handed the session's (empty) program, when a pool serves the session; null
   * when none does, it is empty, or its sandbox died while it waited (retired, never handed out). A
   * session that may connect never takes one: pooled sandboxes start without network. The pool
   * refills in the background.
   */
  private Sandbox takeWarm(
      RuntimeDescriptor runtime, SessionSpec spec, SandboxBackend backend, Program program) {
    if (!program.networkAllow().isEmpty()) {
      return null;
    }
    Sandbox sandbox = pools.take(runtime.name(), spec.limits(), backend.tier());
    if (sandbox == null) {
      return null;
    }
    pools.refillLater();
    try {
      sandbox.handOff(program);
      if (sandbox.alive()) {
        return sandbox;
      }
      LOG.debug("{} died while it waited in its session pool; starting cold", sandbox.name());
    } catch (IOException | RuntimeException e) {
      LOG.debug("{} could not take its session; starting cold", sandbox.name(), e);
    }
    reaper.retire(sandbox);
    return null;
  }

  /**
   * Refuses a tier other than bubblewrap: the agent's containment (non-dumpable, its kernel's view
   * of /proc, its end when killed) is judged there only, so another tier waits until it is judged
   * there too.
   */
  private static void requireSessionTier(String tier) {
    if (!tier.equals(Isolation.BUBBLEWRAP.tierName())) {
      throw new SessionIsolationException(tier);
    }
  }

  /** Waits for the agent's ready line; a sandbox that does not say it in time is killed. */
  private static void awaitReady(Sandbox sandbox) throws IOException {
    CountDownLatch ready = new CountDownLatch(1);
    Thread.ofVirtual()
        .name(sandbox.name() + "-start")
        .start(() -> {
          try {
            if (!ready.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
              sandbox.kill();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    try {
      FrameReader.awaitReady(sandbox.stdout());
    } finally {
      ready.countDown();
    }
  }

  private static String stderrTail(Sandbox sandbox) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (InputStream in = sandbox.stderr()) {
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) > 0 && log.size() < 64 * 1024; ) {
        log.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("{}: its log could not be read: {}", sandbox.name(), e.getMessage());
    }
    String text = log.toString(StandardCharsets.UTF_8).strip();
    return text.lines().reduce((a, b) -> b).orElse("");
  }

  private static SessionDeadException startFailed(String id, String reason) {
    return new SessionDeadException(
        id,
        new SessionEnd(
            SessionEnd.Cause.START_FAILED,
            "the session could not start: " + reason,
            Instant.now()));
  }

  private String newId() {
    StringBuilder id = new StringBuilder("s-");
    for (int i = 0; i < 26; i++) {
      id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
    }
    return id.toString();
  }

  /** The sessions that have not ended, oldest first. */
  public List<Session> all() {
    return live.values().stream()
        .filter(s -> s.end().isEmpty())
        .sorted((a, b) -> a.startedAt().compareTo(b.startedAt()))
        .map(Session.class::cast)
        .toList();
  }

  public Optional<Session> find(String id) {
    // One that ended is forgotten once its sandbox is killed; until then it is ended already.
    return Optional.<Session>ofNullable(live.get(id)).filter(s -> s.end().isEmpty());
  }

  /** A session ended: forgotten, its sandbox destroyed in the background. */
  void ended(LiveSession session) {
    live.remove(session.id());
    reaper.retire(session.sandbox());
  }

  OutputCaps caps() {
    return caps;
  }

  Starter starter() {
    return starter;
  }

  /** Ends what idled past its idle timeout or lived past its lifetime, every second. */
  private void sweep() {
    try {
      while (!closed.await(SWEEP.toMillis(), TimeUnit.MILLISECONDS)) {
        Instant now = Instant.now();
        for (LiveSession s : live.values()) {
          expire(s, now);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void expire(LiveSession s, Instant now) {
    SessionSpec spec = s.spec();
    if (now.isAfter(s.startedAt().plus(spec.maxLifetime()))) {
      s.die(
          SessionEnd.Cause.EXPIRED,
          "the session reached its lifetime of " + spec.maxLifetime().toSeconds() + " s");
    } else if (s.state() == Session.State.IDLE
        && now.isAfter(s.lastActiveAt().plus(spec.idleTimeout()))) {
      s.die(
          SessionEnd.Cause.EXPIRED,
          "the session was idle for " + spec.idleTimeout().toSeconds() + " s");
    }
  }

  /** Ends every session; their sandboxes go to the reaper, which the engine closes after. */
  @Override
  public void close() {
    closing = true;
    closed.countDown();
    for (LiveSession s : live.values()) {
      s.die(SessionEnd.Cause.ENGINE_CLOSED, "the engine closed");
    }
  }
}
