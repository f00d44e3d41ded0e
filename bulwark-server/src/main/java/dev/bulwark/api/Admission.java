package dev.bulwark.api;

import dev.bulwark.tenant.Tenant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may run now: each tenant's rate and concurrency cap (over either: 429 at once), then the
 * machine's slots, for which a request waits in a bounded line until a deadline (then 429).
 */
final class Admission {
  private final Map<String, Semaphore> running = new ConcurrentHashMap<>();
  private final Map<String, Bucket> rates = new ConcurrentHashMap<>();
  private final Semaphore slots;
  private final AtomicInteger waiting = new AtomicInteger();
  private final ServerConfig config;

  Admission(ServerConfig config) {
    this.config = config;
    this.slots = new Semaphore(config.maxConcurrent(), true);
  }

  /** A permit to run; close it when the execution ends. */
  interface Permit extends AutoCloseable {
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
    if (!machineSlot()) {
      tenantSlots.release();
      throw new ApiError(
          429,
          "overloaded",
          "the server runs "
              + config.maxConcurrent()
              + " executions at once and none became free in time",
          Map.of("retryAfterSeconds", 1L));
    }
    return () -> {
      slots.release();
      tenantSlots.release();
    };
  }

  /** Waits in line for one of the machine's slots, up to the deadline; false when none came. */
  private boolean machineSlot() {
    if (slots.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > config.maxQueued()) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return slots.tryAcquire(config.queueTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.decrementAndGet();
    }
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
