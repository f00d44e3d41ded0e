package dev.bulwark.api;

import dev.bulwark.tenant.Tenant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Each tenant's concurrency cap and rate limit. A request over either gets 429 with the seconds to
 * wait; nothing queues here, so a flood of requests costs the server no memory.
 */
final class Admission {
  private final Map<String, Semaphore> running = new ConcurrentHashMap<>();
  private final Map<String, Bucket> rates = new ConcurrentHashMap<>();

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
    Semaphore slots =
        running.computeIfAbsent(tenant.id(), id -> new Semaphore(tenant.concurrency()));
    if (!slots.tryAcquire()) {
      throw new ApiError(
          429,
          "concurrency_limit",
          "tenant '" + tenant.name() + "' already runs " + tenant.concurrency() + " executions",
          Map.of("retryAfterSeconds", 1L));
    }
    return slots::release;
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
