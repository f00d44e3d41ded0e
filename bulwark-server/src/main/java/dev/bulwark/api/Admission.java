package dev.bulwark.api;

import dev.bulwark.tenant.Tenant;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Who may run now: each tenant's rate and concurrency cap (over either: 429 at once), then one of
 * the machine's slots, shared fairly between tenants ({@link FairShare}): a request waits in its
 * tenant's bounded line until a deadline (then 429 {@code overloaded}). A tenant's requests in line
 * count against its cap, so one tenant's line is never longer than its cap.
 */
final class Admission {
  private final Map<String, Semaphore> running = new ConcurrentHashMap<>();
  private final Map<String, Bucket> rates = new ConcurrentHashMap<>();
  private final FairShare slots;
  private final ServerConfig config;

  Admission(ServerConfig config) {
    this.config = config;
    this.slots = new FairShare(config.maxConcurrent(), config.maxQueued());
  }

  /** A permit to run; close it when the execution ends. */
  interface Permit extends AutoCloseable {
    /** How long the request waited in line for its slot. */
    Duration queued();

    @Override
    void close();
  }

  Permit admit(Tenant tenant) {
    Bucket bucket =
        rates.computeIfAbsent(
            tenant.id(), id -> new Bucket(tenant.ratePerMinute(), System.nanoTime()));
    long wait = bucket.take(tenant.ratePerMinute(), System.nanoTime());
    if (wait > 0) {
      throw new ApiError(
          429,
          "rate_limited",
          "tenant '"
              + tenant.name()
              + "' may start "
              + tenant.ratePerMinute()
              + " executions a minute",
          Map.of("retryAfterSeconds", wait));
    }
    Semaphore tenantSlots =
        running.computeIfAbsent(tenant.id(), id -> new Semaphore(tenant.concurrency()));
    if (!tenantSlots.tryAcquire()) {
      throw new ApiError(
          429,
          "concurrency_limit",
          "tenant '" + tenant.name() + "' already runs " + tenant.concurrency() + " executions",
          Map.of("retryAfterSeconds", 1L));
    }
    FairShare.Slot slot;
    try {
      slot = slots.acquire(tenant.id(), tenant.concurrency(), config.queueTimeout());
    } catch (FairShare.Refused e) {
      tenantSlots.release();
      throw refusal(e.reason());
    }
    Duration queued = Duration.ofNanos(slot.waitedNanos());
    return new Permit() {
      @Override
      public Duration queued() {
        return queued;
      }

      @Override
      public void close() {
        slots.release(slot);
        tenantSlots.release();
      }
    };
  }

  /** Refuses every request waiting for a slot and every later one: the server is stopping. */
  void close() {
    slots.close();
  }

  /**
   * Waits until every admitted request has ended, up to {@code timeout}.
   *
   * @return whether all have
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    return slots.awaitIdle(timeout);
  }

  private ApiError refusal(FairShare.Refusal reason) {
    return switch (reason) {
      case FULL, TIMED_OUT ->
          new ApiError(
              429,
              "overloaded",
              "the server runs "
                  + config.maxConcurrent()
                  + " executions at once and none became free in time",
              Map.of("retryAfterSeconds", 1L));
      case CLOSED -> ApiError.stopping();
    };
  }

  /** A token bucket: {@code perMinute} tokens, refilled continuously. */
  private static final class Bucket {
    private double tokens;
    private long at;

    Bucket(int perMinute, long now) {
      this.tokens = perMinute;
      this.at = now;
    }

    /** Takes a token; returns 0, or the whole seconds until one is there. */
    synchronized long take(int perMinute, long now) {
      double perNano = perMinute / 60e9;
      tokens = Math.min(perMinute, tokens + (now - at) * perNano);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perNano / 1e9);
    }
  }
}
