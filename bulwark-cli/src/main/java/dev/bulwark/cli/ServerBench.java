package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Job;
import dev.bulwark.Profiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Drives a running server (bulwark serve) with print(1) over HTTP.",
      "Sequential: one request at a time, latency from send to the last byte, each followed by a"
          + " pause (--gap) as an agent's think time; then as many pairs of a cold run through an"
          + " engine in this process (no warm pool) and a bare python3 -c 'print(1)', with the"
          + " same pauses. Concurrent: --clients clients in a loop, throughput and errors. Each"
          + " phase reports how many executions found a warm sandbox, from the server's /metrics."
    })
final class ServerBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "The server (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description =
          "An API key of a tenant whose limits allow --clients at once and a few thousand"
              + " requests a minute.")
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
      defaultValue = "1500",
      description =
          "Unmeasured requests first, from --clients clients at once: a server that has run a"
              + " while has compiled its request path (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--gap",
      defaultValue = "100ms",
      paramLabel = "DURATION",
      description =
          "Pause between sequential requests, in which the server refills its pools"
              + " (default: ${DEFAULT-VALUE}).")
  String gap;

  /** The body of every request: {@code print(1)} in Python. */
  private static final byte[] PRINT_1 =
      "{\"language\": \"python\", \"code\": \"print(1)\"}".getBytes(StandardCharsets.UTF_8);

  @Override
  public Integer call() throws Exception {
    if (requests < 10 || clients < 1 || warmup < 0) {
      throw new IllegalArgumentException("--requests at least 10, --clients at least 1");
    }
    long gapMillis = dev.bulwark.model.Units.parseDuration(gap).toMillis();
    poolCounts(); // a wrong --url or --key fails here, before any measurement
    AtomicReference<String> warmupFailure = new AtomicReference<>();
    Throughput warm =
        concurrently(
            warmup,
            this::exchange,
            http -> {
              String failure = failure(http);
              if (failure != null) {
                warmupFailure.compareAndSet(null, failure);
              }
              return failure == null;
            });
    if (warm.failures() > 0) { // a measurement of refusals would mean nothing
      throw new IllegalArgumentException(
          warm.failures()
              + " of "
              + warmup
              + " warm-up requests failed, the first with "
              + warmupFailure.get()
              + (warmupFailure.get().startsWith("429 ")
                  ? "; the key's tenant must allow --clients at once and this many requests a"
                      + " minute (bulwark tenants create bench --concurrency 8 --rate 100000)"
                  : ""));
    }
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
    try (Engine engine = Engine.start(EngineConfig.defaults())) {
      Job local = new Job("python", "print(1)", Profiles.DEFAULT);
      for (int i = 0; i < requests; i++) {
        cold[i] = BenchCommand.timeEngine(engine, local);
        bare[i] = BenchCommand.timeBare();
        Thread.sleep(gapMillis);
      }
    }
    Throughput served = concurrently(requests, this::exchange, ServerBench::send);
    Throughput bareRate = concurrently(requests, () -> null, none -> BenchCommand.timeBare() > 0);
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

  /** One request of a client; false is a failure. */
  private interface Task<C> {
    boolean run(C client) throws Exception;
  }

  /**
   * Runs {@code task} {@code times} times from --clients threads at once, each with its own client
   * from {@code perClient} (null when it needs none).
   */
  private <C extends AutoCloseable> Throughput concurrently(
      int times, Callable<C> perClient, Task<C> task) throws Exception {
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger left = new AtomicInteger(times);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
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
    HttpURLConnection c = open("/metrics");
    String body;
    try {
      body = answer(c);
    } catch (java.net.ConnectException e) {
      throw new IllegalArgumentException("cannot reach " + url + ": " + e.getMessage(), e);
    }
    if (c.getResponseCode() == 401) {
      throw new IllegalArgumentException("the server refused the key (401): " + body);
    }
    if (c.getResponseCode() != 200) {
      throw new IllegalStateException("GET /metrics answered " + c.getResponseCode() + ": " + body);
    }
    long hits = 0, misses = 0;
    for (String line : body.split("\n")) {
      if (line.startsWith("bulwark_pool_hits_total{")) {
        hits += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith("bulwark_pool_misses_total{")) {
        misses += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return new PoolCounts(hits, misses);
  }

  /** A client of its own for the measured requests. */
  private Exchange exchange() {
    return new Exchange(URI.create(url), key, PRINT_1);
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
    HttpURLConnection c = (HttpURLConnection) URI.create(url + path).toURL().openConnection();
    c.setRequestProperty("Authorization", "Bearer " + key);
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

  /**
   * The measured requests: one POST, always the same, over one keep-alive HTTP/1.1 connection on
   * the calling thread, sent in one write, its answer read by its Content-Length or its chunks. The
   * JDK's clients cost the client's time, not the server's: {@code HttpURLConnection} writes the
   * headers and the body apart (the server wakes twice) and added 1.5-3 ms per request on the
   * 2-core development machine, and {@code java.net.http.HttpClient} hands every exchange between
   * its own threads.
   */
  static final class Exchange implements AutoCloseable {
    /** An answer: its status and its body. */
    record Answer(int status, String body) {}

    private final String host;
    private final int port;
    private final byte[] request;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Exchange(URI base, String key, byte[] json) {
      if (!"http".equals(base.getScheme()) || base.getHost() == null) {
        throw new IllegalArgumentException("--url must be http://HOST[:PORT], not " + base);
      }
      if (key.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("--key must not hold control characters");
      }
      this.host = base.getHost();
      this.port = base.getPort() < 0 ? 80 : base.getPort();
      String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
      String head =
          "POST "
              + path
              + "/v1/executions HTTP/1.1\r\nHost: "
              + base.getRawAuthority()
              + "\r\nAuthorization: Bearer "
              + key
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + json.length
              + "\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
      this.request = Arrays.copyOf(headBytes, headBytes.length + json.length);
      System.arraycopy(json, 0, request, headBytes.length, json.length);
    }

    Answer post() throws IOException {
      try {
        if (socket == null) {
          socket = new Socket(host, port);
          socket.setTcpNoDelay(true);
          socket.setSoTimeout(60_000); // a print(1) that has not answered in a minute is an error
          in = new BufferedInputStream(socket.getInputStream());
          out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        return read();
      } catch (IOException | RuntimeException e) {
        close();
        throw e instanceof IOException io ? io : new IOException("not an HTTP answer: " + e, e);
      }
    }

    private Answer read() throws IOException {
      String[] statusLine = line().split(" ", 3);
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP answer: " + String.join(" ", statusLine));
      }
      long length = -1;
      boolean chunked = false;
      boolean closes = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        String name = header.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).strip();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
          case "connection" -> closes = value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        for (int size; (size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0; line()) {
          body.write(exactly(size));
        }
        while (!line().isEmpty()) {} // the trailer
      } else if (length >= 0) {
        body.write(exactly(Math.toIntExact(length)));
      } else {
        body.write(in.readAllBytes());
        closes = true;
      }
      if (closes) {
        close();
      }
      return new Answer(Integer.parseInt(statusLine[1]), body.toString(StandardCharsets.UTF_8));
    }

    private byte[] exactly(int n) throws IOException {
      byte[] bytes = in.readNBytes(n);
      if (bytes.length < n) {
        throw new EOFException("the server closed the connection mid-answer");
      }
      return bytes;
    }

    /** A header line, without its CRLF. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("the server closed the connection");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
      socket = null;
    }
  }
}
