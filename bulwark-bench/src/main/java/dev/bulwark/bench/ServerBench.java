package dev.bulwark.bench;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.model.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Drives a running server with {@code print(1)} over HTTP. Sequential: one request at a time,
 * latency from send to the last byte, each followed by a pause as an agent's think time; then as
 * many pairs of a cold run through an engine in this process (no warm pool) and a bare {@code
 * python3 -c 'print(1)'}, with the same pauses. Concurrent: several clients in a loop, throughput
 * and errors. Each phase reports how many executions found a warm sandbox, from the server's {@code
 * /metrics}. {@code bulwark bench server} is its front.
 */
public final class ServerBench {
  /** The body of every request: {@code print(1)} in Python. */
  private static final byte[] PRINT_1 =
      "{\"language\": \"python\", \"code\": \"print(1)\"}".getBytes(StandardCharsets.UTF_8);

  /**
   * What to drive and how hard.
   *
   * @param url the server, {@code http://HOST[:PORT]}
   * @param key an API key of a tenant whose limits allow {@code clients} at once and a few thousand
   *     requests a minute
   * @param requests requests of each phase, at least 10
   * @param clients concurrent clients, at least 1
   * @param warmup unmeasured requests first, from {@code clients} clients at once: a server that
   *     has run a while has compiled its request path
   * @param gap the pause between sequential requests, in which the server refills its pools
   */
  public record Settings(
      String url, String key, int requests, int clients, int warmup, Duration gap) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Settings {
      if (requests < 10 || clients < 1 || warmup < 0) {
        throw new IllegalArgumentException("--requests at least 10, --clients at least 1");
      }
    }
  }

  private final Settings settings;

  private ServerBench(Settings settings) {
    this.settings = settings;
  }

  /**
   * Measures, printing the figures to {@code out}; returns the requests that failed.
   *
   * @param start starts the engine of the cold runs
   * @throws IllegalArgumentException when the server refuses the key or the warm-up, before any
   *     measurement
   * @throws IllegalStateException when the server cannot be reached
   */
  public static int run(Settings settings, Function<EngineConfig, Engine> start, PrintWriter out)
      throws Exception {
    return new ServerBench(settings).measure(start, out);
  }

  private int measure(Function<EngineConfig, Engine> start, PrintWriter out) throws Exception {
    long gapMillis = settings.gap().toMillis();
    poolCounts(); // a wrong --url or --key fails here, before any measurement
    warmUp();
    int requests = settings.requests();
    long[] sequential = new long[requests];
    long[] cold = new long[requests];
    long[] bare = new long[requests];
    int errors = 0;
    PoolCounts beforeSequential = poolCounts();
    try (Exchange http = exchange()) {
      for (int i = 0; i < requests; i++) {
        long t = System.nanoTime();
        errors += send(http) ? 0 : 1;
        sequential[i] = System.nanoTime() - t;
        Thread.sleep(gapMillis);
      }
    }
    PoolCounts sequentialPool = poolCounts().minus(beforeSequential);
    // Apart from the requests: an engine's cold runs in this JVM (its threads, its JIT) slowed the
    // request that followed each of them by several milliseconds, even 300 ms later.
    try (Engine engine = start.apply(EngineConfig.defaults())) {
      for (int i = 0; i < requests; i++) {
        cold[i] = BareInterpreter.timeEngine(engine);
        bare[i] = BareInterpreter.timeBare();
        Thread.sleep(gapMillis);
      }
    }
    Throughput served = concurrently(requests, this::exchange, ServerBench::send);
    Throughput bareRate =
        concurrently(requests, () -> null, none -> BareInterpreter.timeBare() > 0);
    PoolCounts concurrentPool = poolCounts().minus(beforeSequential).minus(sequentialPool);
    out.printf(
        "| %-39s |  p50 ms |  p95 ms |  p99 ms |%n",
        "print(1), " + requests + " requests, " + Units.formatDuration(settings.gap()) + " apart");
    out.println("|-----------------------------------------|---------|---------|---------|");
    row(out, "server over HTTP, warm pool", sequential);
    row(out, "engine in process, cold sandbox", cold);
    row(out, "bare python3 -c", bare);
    out.printf(
        "%nSequential: %d errors; %s.%n%d concurrent clients: %.1f executions/s, %d errors; %s."
            + "%nThe same number of bare python3 -c, %d at once: %.1f/s.%n",
        errors,
        sequentialPool,
        settings.clients(),
        served.perSecond(),
        served.failures(),
        concurrentPool,
        settings.clients(),
        bareRate.perSecond());
    out.flush();
    return errors + served.failures();
  }

  /** Requests from every client at once; a measurement of refusals would mean nothing. */
  private void warmUp() throws Exception {
    AtomicReference<String> firstFailure = new AtomicReference<>();
    Throughput warm =
        concurrently(
            settings.warmup(),
            this::exchange,
            http -> {
              String failure = failure(http);
              if (failure != null) {
                firstFailure.compareAndSet(null, failure);
              }
              return failure == null;
            });
    if (warm.failures() > 0) {
      throw new IllegalArgumentException(
          warm.failures()
              + " of "
              + settings.warmup()
              + " warm-up requests failed, the first with "
              + firstFailure.get()
              + (firstFailure.get().startsWith("429 ")
                  ? "; the key's tenant must allow --clients at once and this many requests a"
                      + " minute (bulwark tenants create bench --concurrency 8 --rate 100000)"
                  : ""));
    }
  }

  private record Throughput(double perSecond, int failures) {}

  /** One request of a client; false is a failure. */
  private interface Task<C> {
    boolean run(C client) throws Exception;
  }

  /**
   * Runs {@code task} {@code times} times from the clients' threads at once, each with its own
   * client from {@code perClient} (null when it needs none).
   */
  private <C extends AutoCloseable> Throughput concurrently(
      int times, Callable<C> perClient, Task<C> task) throws Exception {
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger left = new AtomicInteger(times);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(settings.clients())) {
      for (int c = 0; c < settings.clients(); c++) {
        pool.submit(() -> {
          try (C client = perClient.call()) {
            while (left.getAndDecrement() > 0) {
              if (!task.run(client)) {
                failures.incrementAndGet();
              }
            }
          }
          return null;
        });
      }
    }
    return new Throughput(times / ((System.nanoTime() - start) / 1e9), failures.get());
  }

  private static void row(PrintWriter out, String name, long[] nanos) {
    double[] p = Percentiles.millis(nanos);
    out.printf("| %-39s | %7.1f | %7.1f | %7.1f |%n", name, p[0], p[1], p[2]);
  }

  /**
   * Warm-pool hits and misses of every pool, as the server's /metrics counts them; unknown when the
   * key is a tenant's (the metrics span tenants: an operator's key reads them).
   */
  private record PoolCounts(long hits, long misses, boolean known) {
    static final PoolCounts UNKNOWN = new PoolCounts(0, 0, false);

    PoolCounts minus(PoolCounts o) {
      return known && o.known ? new PoolCounts(hits - o.hits, misses - o.misses, true) : UNKNOWN;
    }

    @Override
    public String toString() {
      return known
          ? hits + " of " + (hits + misses) + " found a warm sandbox"
          : "warm-pool hits not counted (reading /metrics takes an operator's key)";
    }
  }

  private PoolCounts poolCounts() throws IOException {
    HttpURLConnection c = open("/metrics");
    String body;
    try {
      body = answer(c);
    } catch (ConnectException e) {
      throw new IllegalStateException("cannot reach " + settings.url() + ": " + e.getMessage(), e);
    }
    if (c.getResponseCode() == 401) {
      throw new IllegalArgumentException("the server refused the key (401): " + body);
    }
    if (c.getResponseCode() == 403) {
      return PoolCounts.UNKNOWN; // a tenant's key: it may still measure its own requests
    }
    if (c.getResponseCode() != 200) {
      throw new IllegalStateException("GET /metrics answered " + c.getResponseCode() + ": " + body);
    }
    return new PoolCounts(
        PrometheusText.sum(body, "bulwark_pool_hits_total"),
        PrometheusText.sum(body, "bulwark_pool_misses_total"),
        true);
  }

  /** A client of its own for the measured requests. */
  private Exchange exchange() {
    return new Exchange(URI.create(settings.url()), settings.key(), PRINT_1);
  }

  /** Posts {@code print(1)}; true when the server answered 200 with status OK. */
  private static boolean send(Exchange http) {
    return failure(http) == null;
  }

  /** Posts {@code print(1)}; null when the server answered 200 with status OK, else what it did. */
  private static String failure(Exchange http) {
    try {
      Exchange.Answer answer = http.post();
      if (answer.status() == 200 && answer.body().contains("\"status\":\"OK\"")) {
        return null;
      }
      String body = answer.body().strip();
      return answer.status() + " " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    } catch (IOException e) {
      return e.toString(); // the next request connects again
    }
  }

  /** A request with the key, for the calls that are not measured. */
  private HttpURLConnection open(String path) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) URI.create(settings.url() + path).toURL().openConnection();
    c.setRequestProperty("Authorization", "Bearer " + settings.key());
    c.setConnectTimeout(10_000);
    c.setReadTimeout(60_000); // a print(1) that has not answered in a minute is an error
    return c;
  }

  /** The whole body, read to the end so that the connection can serve the next request. */
  private static String answer(HttpURLConnection c) throws IOException {
    InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream();
    try (in) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
