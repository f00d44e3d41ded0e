package dev.bulwark.bench;

import dev.bulwark.Cell;
import dev.bulwark.Engine;
import dev.bulwark.Profiles;
import dev.bulwark.Session;
import dev.bulwark.SessionSpec;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What sessions cost: opening one from a session pool (a sandbox waiting with its agent and kernel
 * loaded) and cold (its sandbox started, its agent and kernel loaded), against a bare {@code
 * python3 -c 'print(1)'} in the same rounds, a cell's latency for {@code x = 1} against a round
 * trip through a pipe to a child process, how many idle sessions the machine holds and the memory
 * each takes, and whether thousands of cells in one session make it grow. {@code bulwark bench
 * session} is its front.
 *
 * @see dev.bulwark.Session
 */
public final class SessionBench {
  /**
   * How much to measure.
   *
   * @param opens sessions opened and closed one after the other, at least 10
   * @param cells cells of {@code x = 1} in one session, at least 100
   * @param idle sessions held open at once, at least 1
   */
  public record Settings(int opens, int cells, int idle) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Settings {
      if (opens < 10 || cells < 100 || idle < 1) {
        throw new IllegalArgumentException(
            "--opens must be at least 10, --cells at least 100 and --idle at least 1");
      }
    }
  }

  private SessionBench() {}

  /**
   * Measures on {@code engine}, and warm opens on {@code pooled} (an engine whose session pool
   * serves python sessions of the default profile), and prints the figures as Markdown tables to
   * {@code out}.
   */
  public static void run(Engine engine, Engine pooled, Settings settings, PrintWriter out)
      throws Exception {
    SessionSpec spec = SessionSpec.of("python", Profiles.DEFAULT);
    long[] warm = new long[settings.opens()];
    long[] cold = new long[settings.opens()];
    long[] bare = new long[settings.opens()];
    long hits = pooled.sessionPools().getFirst().hits();
    for (int i = -3; i < settings.opens(); i++) {
      awaitPoolFull(pooled);
      long w = timeOpen(pooled, spec);
      long c = timeOpen(engine, spec);
      long b = BareInterpreter.timeBare();
      if (i >= 0) {
        warm[i] = w;
        cold[i] = c;
        bare[i] = b;
      }
    }
    long taken = pooled.sessionPools().getFirst().hits() - hits;
    if (taken != settings.opens() + 3) {
      throw new IllegalStateException(
          "the session pool served " + taken + " of " + (settings.opens() + 3) + " warm opens");
    }
    out.printf("| %-48s | %7s | %7s | %7s |%n", "open a python session", "p50 ms", "p95 ms", "p99");
    out.println(
        "|--------------------------------------------------|---------|---------|---------|");
    row(out, "Engine.openSession, from the session pool", warm);
    row(out, "Engine.openSession, cold (no session pool)", cold);
    row(out, "bare python3 -c 'print(1)', paired", bare);
    out.println();
    cells(engine, spec, settings.cells(), out);
    idle(engine, spec, settings.idle(), out);
    out.flush();
  }

  /** How long {@code openSession} took; the session is closed after. */
  private static long timeOpen(Engine engine, SessionSpec spec) {
    long t0 = System.nanoTime();
    Session s = engine.openSession(spec);
    long t = System.nanoTime() - t0;
    s.close();
    return t;
  }

  /** Waits (at most a minute) until the pool has refilled after the last take. */
  private static void awaitPoolFull(Engine pooled) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (pooled.sessionPools().stream().anyMatch(p -> p.idle() < p.size())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the session pool did not refill within a minute: " + pooled.sessionPools());
      }
      Thread.sleep(5);
    }
  }

  private static void cells(Engine engine, SessionSpec spec, int count, PrintWriter out)
      throws IOException {
    long[] cell = new long[count];
    long[] loop = new long[count];
    long memoryAt1k = 0;
    long memoryStart;
    Process cat = new ProcessBuilder("/usr/bin/cat").start();
    try (Session s = engine.openSession(spec)) {
      OutputStream toCat = cat.getOutputStream();
      InputStream fromCat = cat.getInputStream();
      for (int i = 0; i < 100; i++) {
        check(s.run(Cell.of("x = 1")));
      }
      memoryStart = s.memoryBytes();
      for (int i = 0; i < count; i++) {
        long t0 = System.nanoTime();
        check(s.run(Cell.of("x = 1")));
        cell[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        toCat.write('x');
        toCat.flush();
        if (fromCat.read() != 'x') {
          throw new IllegalStateException("the loopback child failed");
        }
        loop[i] = System.nanoTime() - t0;
        if (i == Math.min(999, count - 1)) {
          memoryAt1k = s.memoryBytes();
        }
      }
      long memoryEnd = s.memoryBytes();
      out.printf(
          "| %-48s | %7s | %7s | %7s |%n",
          "a cell of x = 1, " + count + " in one session", "p50 ms", "p95 ms", "p99");
      out.println(
          "|--------------------------------------------------|---------|---------|---------|");
      row(out, "Session.run(Cell.of(\"x = 1\"))", cell);
      row(out, "a pipe round trip to a child process, paired", loop);
      row(out, "the cell beyond the round trip", Percentiles.minus(cell, loop));
      out.println();
      out.printf(
          "Session memory (its cgroup's charge): %.1f MiB after 100 cells, %.1f MiB after 1,000,"
              + " %.1f MiB after %,d.%n%n",
          memoryStart / 1048576.0, memoryAt1k / 1048576.0, memoryEnd / 1048576.0, count + 100);
    } finally {
      cat.destroy();
    }
  }

  private static void idle(Engine engine, SessionSpec spec, int count, PrintWriter out) {
    List<Session> open = new ArrayList<>();
    try {
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        Session s = engine.openSession(spec);
        open.add(s);
        check(s.run(Cell.of("x = 1")));
      }
      long took = System.nanoTime() - t0;
      long total = 0;
      for (Session s : open) {
        total += s.memoryBytes();
      }
      int alive = 0;
      for (Session s : open) {
        if (s.run(Cell.of("x")).status() == Status.OK) {
          alive++;
        }
      }
      out.printf(
          "%d idle python sessions open at once (opened in %.1f s), %d answering a cell afterwards;"
              + " memory per session (its cgroup's charge): %.1f MiB on average.%n",
          count, took / 1e9, alive, total / (double) count / 1048576.0);
    } finally {
      open.forEach(Session::close);
    }
  }

  private static void check(ExecutionResult r) {
    if (r.status() != Status.OK) {
      throw new IllegalStateException("a cell failed: " + r.status() + " " + r.reason());
    }
  }

  private static void row(PrintWriter out, String name, long[] nanos) {
    double[] p = Percentiles.millis(nanos);
    out.printf("| %-48s | %7.2f | %7.2f | %7.2f |%n", name, p[0], p[1], p[2]);
  }
}
