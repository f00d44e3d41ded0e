package dev.bulwark.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What sessions cost over HTTP, against a running server: opening one ({@code POST /v1/sessions})
 * paired with a bare {@code python3 -c 'print(1)'}, each open once the server's session pool has
 * refilled (read from {@code /metrics}, with an operator's key), and a cell of {@code x = 1}
 * ({@code POST /v1/sessions/{id}/executions}) paired with a loopback round trip to the same server
 * ({@code GET /healthz} on a keep-alive connection of its own) and with a one-shot {@code
 * print(1)}, all in one run. {@code bulwark bench session --key KEY} is its front.
 */
public final class SessionServerBench {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(s-[A-Za-z0-9]+)\"");
  private static final byte[] OPEN = "{\"language\": \"python\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CELL = "{\"code\": \"x = 1\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PRINT_1 =
      "{\"language\": \"python\", \"code\": \"print(1)\"}".getBytes(StandardCharsets.UTF_8);

  /**
   * What to drive and how much.
   *
   * @param url the server, {@code http://HOST[:PORT]}
   * @param key an API key of a tenant whose rate allows a few thousand requests a minute
   * @param opens sessions opened and ended one after the other, at least 10
   * @param cells cells of {@code x = 1} in one session, at least 100
   */
  public record Settings(String url, String key, int opens, int cells) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Settings {
      if (opens < 10 || cells < 100) {
        throw new IllegalArgumentException("--opens must be at least 10, --cells at least 100");
      }
    }
  }

  private SessionServerBench() {}

  /**
   * Measures and prints the figures as Markdown tables to {@code out}.
   *
   * @throws IllegalStateException when the server refuses a request (its answer is named)
   * @throws IOException when the server cannot be reached
   */
  public static void run(Settings settings, PrintWriter out) throws Exception {
    URI base = URI.create(settings.url());
    long[] open = new long[settings.opens()];
    long[] bare = new long[settings.opens()];
    long[] pool = sessionPool(base, settings.key());
    try (Exchange opening = new Exchange(base, settings.key(), "POST", "/v1/sessions", OPEN)) {
      for (int i = -3; i < settings.opens(); i++) {
        awaitSessionPool(base, settings.key());
        long t0 = System.nanoTime();
        String id = open(opening);
        long t = System.nanoTime() - t0;
        end(base, settings.key(), id);
        long b = BareInterpreter.timeBare();
        if (i >= 0) {
          open[i] = t;
          bare[i] = b;
        }
      }
    }
    long[] after = sessionPool(base, settings.key());
    header(out, "open a python session over HTTP, " + settings.opens() + " in a row");
    row(
        out,
        pool == null
            ? "POST /v1/sessions (session pool not read)"
            : "POST /v1/sessions ("
                + (after[2] - pool[2])
                + " of "
                + (settings.opens() + 3)
                + " pooled)",
        open);
    row(out, "bare python3 -c 'print(1)', paired", bare);
    out.println();
    cells(base, settings, out);
    out.flush();
  }

  private static void cells(URI base, Settings settings, PrintWriter out) throws Exception {
    int count = settings.cells();
    long[] cell = new long[count];
    long[] loop = new long[count];
    long[] oneShot = new long[Math.min(count, 200)];
    String id;
    try (Exchange opening = new Exchange(base, settings.key(), "POST", "/v1/sessions", OPEN)) {
      id = open(opening);
    }
    try (Exchange run =
            new Exchange(base, settings.key(), "POST", "/v1/sessions/" + id + "/executions", CELL);
        Exchange health = new Exchange(base, settings.key(), "GET", "/healthz", new byte[0]);
        Exchange execute = new Exchange(base, settings.key(), PRINT_1)) {
      for (int i = 0; i < 200; i++) { // the server compiles its path, the kernel warms
        ok(run.post());
        ok(health.post());
      }
      for (int i = 0; i < count; i++) {
        long t0 = System.nanoTime();
        ok(run.post());
        cell[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        ok(health.post());
        loop[i] = System.nanoTime() - t0;
      }
      for (int i = 0; i < oneShot.length; i++) {
        long t0 = System.nanoTime();
        ok(execute.post());
        oneShot[i] = System.nanoTime() - t0;
      }
    } finally {
      end(base, settings.key(), id);
    }
    header(out, "a cell of x = 1 over HTTP, " + count + " in one session");
    row(out, "POST /v1/sessions/{id}/executions", cell);
    row(out, "GET /healthz on the same server, paired", loop);
    row(out, "the cell beyond the loopback round trip", Percentiles.minus(cell, loop));
    row(out, "one-shot print(1), POST /v1/executions", oneShot);
    out.println();
  }

  /**
   * The server's session pools from {@code /metrics}: sandboxes kept, waiting, and sessions that
   * took one; null when the key may not read the metrics (a tenant's).
   */
  private static long[] sessionPool(URI base, String key) throws IOException {
    try (Exchange metrics = new Exchange(base, key, "GET", "/metrics", new byte[0])) {
      Exchange.Answer a = metrics.post();
      if (a.status() == 403) {
        return null;
      }
      if (a.status() != 200) {
        throw new IllegalStateException("GET /metrics answered " + a.status() + ": " + a.body());
      }
      return new long[] {
        PrometheusText.sum(a.body(), "bulwark_session_pool_size"),
        PrometheusText.sum(a.body(), "bulwark_session_pool_idle"),
        PrometheusText.sum(a.body(), "bulwark_session_pool_hits_total")
      };
    }
  }

  /** Waits, at most a minute, until the server's session pools are full again (when readable). */
  private static void awaitSessionPool(URI base, String key) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    for (long[] p; (p = sessionPool(base, key)) != null && p[1] < p[0]; ) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the server's session pool did not refill in a minute");
      }
      Thread.sleep(10);
    }
  }

  private static String open(Exchange opening) throws IOException {
    Exchange.Answer a = opening.post();
    Matcher m = ID.matcher(a.body());
    if (a.status() != 201 || !m.find()) {
      throw new IllegalStateException("the server did not open a session: " + a.body());
    }
    return m.group(1);
  }

  private static void end(URI base, String key, String id) throws IOException {
    try (Exchange delete = new Exchange(base, key, "DELETE", "/v1/sessions/" + id, new byte[0])) {
      if (delete.post().status() != 204) {
        throw new IllegalStateException("the server did not end session " + id);
      }
    }
  }

  /** An answer of 200; a result's status must be OK. */
  private static void ok(Exchange.Answer a) {
    boolean result = a.body().contains("\"stdout\"");
    if (a.status() != 200 || result && !a.body().contains("\"status\":\"OK\"")) {
      throw new IllegalStateException("a request failed: " + a.status() + " " + a.body());
    }
  }

  private static void header(PrintWriter out, String title) {
    out.printf("| %-48s | %7s | %7s | %7s |%n", title, "p50 ms", "p95 ms", "p99 ms");
    out.println(
        "|--------------------------------------------------|---------|---------|---------|");
  }

  private static void row(PrintWriter out, String name, long[] nanos) {
    double[] p = Percentiles.millis(nanos);
    out.printf("| %-48s | %7.2f | %7.2f | %7.2f |%n", name, p[0], p[1], p[2]);
  }
}
