package dev.bulwark.bench;

import dev.bulwark.Engine;
import dev.bulwark.Job;
import dev.bulwark.Profiles;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The two runs every harness compares: {@code print(1)} through an engine, and the same in a bare
 * {@code python3 -I} started from this JVM, each timed from call to result.
 */
final class BareInterpreter {
  /** {@code print(1)} in Python, under the default profile. */
  static final Job PRINT_1 = new Job("python", "print(1)", Profiles.DEFAULT);

  private BareInterpreter() {}

  /**
   * Nanoseconds of one sandboxed {@code print(1)}.
   *
   * @throws IllegalStateException when it did not print 1
   */
  static long timeEngine(Engine engine) {
    long t0 = System.nanoTime();
    ExecutionResult r = engine.execute(PRINT_1);
    long t = System.nanoTime() - t0;
    if (r.status() != Status.OK || !r.stdout().equals("1\n")) {
      throw new IllegalStateException(
          "the sandboxed print(1) failed: " + r.status() + " " + r.reason() + " " + r.stderr());
    }
    return t;
  }

  /**
   * Nanoseconds of one bare {@code python3 -I -c 'print(1)'}.
   *
   * @throws IllegalStateException when it did not print 1
   */
  static long timeBare() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-I", "-c", "print(1)")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    int code = p.waitFor();
    long t = System.nanoTime() - t0;
    if (code != 0 || !new String(out, StandardCharsets.UTF_8).equals("1\n")) {
      throw new IllegalStateException("the bare python3 failed with " + code);
    }
    return t;
  }
}
