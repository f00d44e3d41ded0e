package dev.bulwark.cli;

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
      "Sequential: one request at a time, latency from send to the last byte, paired with a bare"
          + " python3 -c 'print(1)' started from this process. Concurrent: --clients clients in a"
          + " loop, throughput and errors."
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

  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Integer call() throws Exception {
    if (requests < 10 || clients < 1 || warmup < 0) {
      throw new IllegalArgumentException("--requests at least 10, --clients at least 1");
    }
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
    long[] bare = new long[requests];
    int errors = 0;
    for (int i = 0; i < requests; i++) {
      long t = System.nanoTime();
      errors += send(request) ? 0 : 1;
      sequential[i] = System.nanoTime() - t;
      bare[i] = BenchCommand.timeBare();
    }
    AtomicInteger concurrentErrors = new AtomicInteger();
    AtomicInteger left = new AtomicInteger(requests);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.submit(() -> {
          while (left.getAndDecrement() > 0) {
            if (!send(request)) {
              concurrentErrors.incrementAndGet();
            }
          }
          return null;
        });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    double[] s = BenchCommand.percentiles(sequential);
    double[] b = BenchCommand.percentiles(bare);
    out.printf(
        "| print(1), %d requests                 |  p50 ms |  p95 ms |  p99 ms |%n", requests);
    out.println("|----------------------------------------|---------|---------|---------|");
    out.printf(
        "| over HTTP, sequential                  | %7.1f | %7.1f | %7.1f |%n", s[0], s[1], s[2]);
    out.printf(
        "| bare python3 -c, paired                | %7.1f | %7.1f | %7.1f |%n", b[0], b[1], b[2]);
    out.printf(
        "%n%d concurrent clients: %.1f executions/s, %d errors; sequential: %d errors%n",
        clients, requests / seconds, concurrentErrors.get(), errors);
    out.flush();
    return errors + concurrentErrors.get() == 0 ? 0 : 1;
  }

  /** True when the server answered 200 with status OK. */
  private boolean send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 && r.body().contains("\"status\":\"OK\"");
  }
}
