package dev.bulwark.internal.validation;

import dev.bulwark.policy.RuleCatalog;
import dev.bulwark.policy.RuleInfo;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Resource abuse, in both languages: signals to processes the program did not start, processes and
 * threads started in loops without end, allocation that never stops, and single allocations far
 * beyond any sandbox's memory. The cgroup limits contain all of it; the finding says why the
 * program would be stopped before it wastes a run.
 */
final class Abuse {
  /** One allocation of this many bytes or more is reported (1 GiB). */
  static final long HUGE = 1L << 30;

  private static final Set<String> PY_SIGNALS =
      Set.of("os.kill", "os.killpg", "posix.kill", "posix.killpg", "signal.pthread_kill");
  private static final Set<String> PY_SPAWNERS =
      Set.of(
          "os.fork",
          "os.forkpty",
          "os.system",
          "os.popen",
          "os.posix_spawn",
          "os.posix_spawnp",
          "multiprocessing.Process",
          "multiprocessing.Pool",
          "threading.Thread",
          "_thread.start_new_thread",
          "concurrent.futures.ThreadPoolExecutor",
          "concurrent.futures.ProcessPoolExecutor");
  private static final Set<String> PY_POOLS =
      Set.of(
          "multiprocessing.Pool",
          "multiprocessing.pool.Pool",
          "multiprocessing.pool.ThreadPool",
          "concurrent.futures.ThreadPoolExecutor",
          "concurrent.futures.ProcessPoolExecutor");
  private static final Set<String> PY_ALLOCATORS =
      Set.of("bytearray", "bytes", "os.urandom", "bytearray.zfill");
  private static final Set<String> NUMPY_ALLOCATORS =
      Set.of("numpy.zeros", "numpy.ones", "numpy.empty", "numpy.full", "numpy.ndarray");
  private static final Set<String> JS_SPAWNERS =
      Set.of("cluster.fork", "worker_threads.Worker", "Worker");

  private Abuse() {}

  static void python(Summary.Call c, List<Hit> hits) {
    String name = c.name();
    if (PY_SIGNALS.contains(name)) {
      signal(c, name.endsWith("killpg"), "os.getpid", RuleCatalog.PY_ABUSE, hits);
    } else if (c.endless()
        && (PY_SPAWNERS.contains(name)
            || name.startsWith("subprocess.")
            || name.startsWith("os.spawn"))) {
      endless(c, RuleCatalog.PY_ABUSE, hits);
    } else if (PY_POOLS.contains(name)) {
      JsonNode n = c.kwargs().getOrDefault("processes", c.kwargs().get("max_workers"));
      long workers = (n != null ? n : c.arg(0)).asLong(0);
      if (workers > 64) {
        hits.add(
            Hit.at(
                RuleCatalog.PY_ABUSE,
                c,
                name + "() asks for " + workers + " workers: far more than a sandbox's processes"));
      }
    } else if (PY_ALLOCATORS.contains(name) && c.arg(0).isIntegralNumber()) {
      huge(c, c.arg(0).asLong(), RuleCatalog.PY_ABUSE, hits);
    } else if (NUMPY_ALLOCATORS.contains(name)) {
      huge(c, 8 * elements(c.arg(0)), RuleCatalog.PY_ABUSE, hits);
    }
  }

  static void javascript(Summary.Call c, List<Hit> hits) {
    String name = c.name();
    if (name.equals("process.kill")) {
      signal(c, false, "process.pid", RuleCatalog.JS_ABUSE, hits);
    } else if (c.endless() && (JS_SPAWNERS.contains(name) || name.startsWith("child_process."))) {
      endless(c, RuleCatalog.JS_ABUSE, hits);
    } else if ((name.equals("Buffer.alloc") || name.equals("Buffer.allocUnsafe"))
        && c.arg(0).isIntegralNumber()) {
      huge(c, c.arg(0).asLong(), RuleCatalog.JS_ABUSE, hits);
    }
  }

  /** An endless loop that keeps allocating, or a single huge allocation the runner saw. */
  static void resource(Summary.Resource r, RuleInfo rule, List<Hit> hits) {
    if (r.kind().equals("endless") && r.grows()) {
      hits.add(
          Hit.at(
              rule,
              r,
              "a loop without an exit keeps allocating (appends, stores, writes): it ends only"
                  + " when memory or disk runs out",
              "give the loop an end: a bound on its rounds or on the data it keeps"));
    } else if (r.kind().equals("huge") && r.size() >= HUGE) {
      hits.add(Hit.at(rule, r, "allocates " + size(r.size()) + " at once"));
    }
  }

  private static void signal(
      Summary.Call c, boolean group, String self, RuleInfo rule, List<Hit> hits) {
    JsonNode pid = c.arg(0);
    String whom;
    if (pid.isIntegralNumber()) {
      long p = pid.asLong();
      whom =
          p == -1
              ? "every process it may signal (pid -1)"
              : p == 1 ? "init (pid 1)" : p == 0 || group ? "its whole process group" : "pid " + p;
    } else if (c.argCalls().contains(self) || pid.path("ref").asString("").equals(self)) {
      return;
    } else {
      whom = "a process chosen at run time";
    }
    hits.add(
        Hit.at(
            rule,
            c,
            c.name() + "() signals " + whom + ": other processes are not the program's to stop",
            "signal only the processes you started, by the handle you got when starting them"));
  }

  private static void endless(Summary.Call c, RuleInfo rule, List<Hit> hits) {
    hits.add(
        Hit.at(
            rule,
            c,
            c.name() + "() starts processes or threads in a loop or recursion without end",
            "start a fixed, small number of workers, or a pool"));
  }

  private static void huge(Summary.Call c, long bytes, RuleInfo rule, List<Hit> hits) {
    if (bytes >= HUGE) {
      hits.add(Hit.at(rule, c, c.name() + "() allocates " + size(bytes) + " at once"));
    }
  }

  private static long elements(JsonNode shape) {
    if (shape.isIntegralNumber()) {
      return shape.asLong();
    }
    if (!shape.isArray()) {
      return 0;
    }
    long n = 1;
    for (JsonNode d : shape) {
      if (!d.isIntegralNumber() || d.asLong() <= 0) {
        return 0;
      }
      n = Math.multiplyHigh(n, d.asLong()) != 0 ? Long.MAX_VALUE / 8 : n * d.asLong();
      n = Math.min(n, Long.MAX_VALUE / 8);
    }
    return n;
  }

  private static String size(long bytes) {
    return bytes >= 1L << 40
        ? (bytes >> 40) + " TiB"
        : bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
  }
}
