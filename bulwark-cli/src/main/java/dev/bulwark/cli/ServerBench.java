package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.ExecutionRequest;
import dev.bulwark.Profiles;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Drives a running server (bulwark serve) with print(1) over HTTP.",
      "Sequential: one request at a time, latency from send to the last byte, each followed by a"
          + " cold run through an engine in this process (no warm pool) and a bare python3 -c"
          + " 'print(1)', then a pause (--gap) as an agent's think time. Concurrent: --clients"
          + " clients in a loop, throughput and errors. Each phase reports how many executions"
          + " found a warm sandbox, from the server's /metrics."
    })
final class ServerBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "The server (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "An API key of a tenant whose limits allow --clients at once.")
  String key;

  @Option(
      names = "--requests",
      defaultValue = "200",
      description = "Requests of each phase (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--clients",
      defaultValue = "8",
      description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--warmup",
      defaultValue = "20",
      description = "Unmeasured requests first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--gap",
      defaultValue = "100ms",
      paramLabel = "DURATION",
      description =
          "Pause between sequential requests, in which the server refills its pools"
              + " (default: ${DEFAULT-VALUE}).")
  String gap;

  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Integer call() throws Exception {
    if (requests < 10 || clients < 1 || warmup < 0) {
      throw new IllegalArgumentException("--requests at least 10, --clients at least 1");
    }
    long gapMillis = dev.bulwark.Units.parseDuration(gap).toMillis();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/v1/executions"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"language\": \"python\", \"code\": \"print(1)\"}"))
            .build();
    for (int i = 0; i < warmup; i++) {
      send(request);
    }
    long[] sequential = new long[requests];
    long[] cold = new long[requests];
    long[] bare = new long[requests];
    int errors = 0;
    PoolCounts beforeSequential = poolCounts();
    try (Engine engine = Engine.start(EngineConfig.defaults())) {
      ExecutionRequest local = new ExecutionRequest("python", "print(1)", Profiles.DEFAULT);
      for (int i = 0; i < requests; i++) {
        long t = System.nanoTime();
        errors += send(request) ? 0 : 1;
        sequential[i] = System.nanoTime() - t;
        cold[i] = BenchCommand.timeEngine(engine, local);
        bare[i] = BenchCommand.timeBare();
        Thread.sleep(gapMillis);
      }
    }
    PoolCounts sequentialPool = poolCounts().minus(beforeSequential);
    Throughput served = concurrently(() -> send(request));
    Throughput bareRate = concurrently(() -> BenchCommand.timeBare() > 0);
    PoolCounts concurrentPool = poolCounts().minus(beforeSequential).minus(sequentialPool);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "| %-39s |  p50 ms |  p95 ms |  p99 ms |%n",
        "print(1), " + requests + " requests, " + gap + " apart");
    out.println("|-----------------------------------------|---------|---------|---------|");
    row(out, "server over HTTP, warm pool", sequential);
    row(out, "engine in process, cold sandbox", cold);
    row(out, "bare python3 -c", bare);
    out.printf(
        "%nSequential: %d errors; %s.%n%d concurrent clients: %.1f executions/s, %d errors; %s."
            + "%nThe same number of bare python3 -c, %d at once: %.1f/s.%n",
        errors,
        sequentialPool,
        clients,
        served.perSecond(),
        served.failures(),
        concurrentPool,
        clients,
        bareRate.perSecond());
    out.flush();
    return errors + served.failures() == 0 ? 0 : 1;
  }

  private record Throughput(double perSecond, int failures) {}

  /** Runs {@code task} --requests times from --clients threads at once; false is a failure. */
  private Throughput concurrently(Callable<Boolean> task) throws Exception {
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger left = new AtomicInteger(requests);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.submit(() -> {
          while (left.getAndDecrement() > 0) {
            if (!task.call()) {
              failures.incrementAndGet();
            }
          }
          return null;
        });
      }
    }
    return new Throughput(requests / ((System.nanoTime() - start) / 1e9), failures.get());
  }

  private static void row(PrintWriter out, String name, long[] nanos) {
    double[] p = BenchCommand.percentiles(nanos);
    out.printf("| %-39s | %7.1f | %7.1f | %7.1f |%n", name, p[0], p[1], p[2]);
  }

  /** Warm-pool hits and misses of every pool, as the server's /metrics counts them. */
  private record PoolCounts(long hits, long misses) {
    PoolCounts minus(PoolCounts o) {
      return new PoolCounts(hits - o.hits, misses - o.misses);
    }

    @Override
    public String toString() {
      return hits + " of " + (hits + misses) + " found a warm sandbox";
    }
  }

  private PoolCounts poolCounts() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/metrics"))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long hits = 0, misses = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith("bulwark_pool_hits_total{")) {
        hits += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith("bulwark_pool_misses_total{")) {
        misses += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return new PoolCounts(hits, misses);
  }

  /** True when the server answered 200 with status OK. */
  private boolean send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 && r.body().contains("\"status\":\"OK\"");
  }
}
