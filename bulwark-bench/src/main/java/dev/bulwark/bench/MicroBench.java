package dev.bulwark.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH micro-benchmarks of the hot paths ({@link ValidationRulesBenchmark}, {@code
 * RunnerFrameBenchmark}, {@code OutputCaptureBenchmark}), each in JVMs of its own unless {@code
 * forks} is 0. {@code bulwark bench micro} is its front; the test suite only smoke-runs them with
 * tiny counts.
 */
public final class MicroBench {
  /**
   * Which benchmarks, and how long.
   *
   * @param include a regular expression over the benchmarks' names; empty for all
   * @param forks fresh JVMs per benchmark; 0 runs in this one (for smoke runs only)
   * @param warmups warm-up iterations per fork
   * @param iterations measured iterations per fork
   * @param time each iteration's length
   */
  public record Settings(String include, int forks, int warmups, int iterations, Duration time) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Settings {
      if (forks < 0 || warmups < 0 || iterations < 1 || time.toMillis() < 1) {
        throw new IllegalArgumentException(
            "--forks and --warmups at least 0, --iterations at least 1, --time at least 1ms");
      }
    }
  }

  private MicroBench() {}

  /** Runs the benchmarks, JMH's report on {@code out}. */
  public static Collection<RunResult> run(Settings settings, PrintStream out)
      throws RunnerException {
    OptionsBuilder options = new OptionsBuilder();
    if (!settings.include().isEmpty()) {
      options.include(settings.include());
    }
    options.forks(settings.forks());
    options.warmupIterations(settings.warmups());
    options.measurementIterations(settings.iterations());
    options.warmupTime(TimeValue.milliseconds(settings.time().toMillis()));
    options.measurementTime(TimeValue.milliseconds(settings.time().toMillis()));
    options.shouldFailOnError(true);
    return new Runner(
            options.build(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL))
        .run();
  }
}
