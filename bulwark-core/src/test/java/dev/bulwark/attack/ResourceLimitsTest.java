package dev.bulwark.attack;

import static dev.bulwark.attack.TestEngine.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Execution;
import dev.bulwark.Job;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §4 rows 20-24 and the status vocabulary of §6: each hostile workload ends with its own
 * status, decided by host-side observation (cgroup counters, timers, byte counts).
 */
class ResourceLimitsTest {
  private static final Limits SMALL =
      TestEngine.LIMITS
          .withMemoryBytes(128L << 20)
          .withPids(32)
          .withWallTimeout(Duration.ofSeconds(15));

  @Test
  void aCleanProgramIsOkAndReportsItsRuntime() {
    ExecutionResult r = run("python", "print('hi')");
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("hi\n");
    assertThat(r.runtime().name()).isEqualTo("python");
    assertThat(r.runtime().version()).startsWith("3.");
    assertThat(r.peakMemoryBytes()).isPositive();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void anUncaughtExceptionIsErrorWithItsTraceback() {
    ExecutionResult r = run("python", "raise ValueError('bad input')");
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("ValueError: bad input");
  }

  @Test
  void forkBombEndsWithPidsLimit() {
    ExecutionResult r = run("python", "import os\nwhile True:\n    os.fork()", SMALL);
    assertThat(r.status()).isEqualTo(Status.PIDS_LIMIT);
  }

  @Test
  void memoryBombEndsWithOom() {
    String code = "chunks = []\nwhile True:\n    chunks.append(b'x' * (16 << 20))";
    ExecutionResult r = run("python", code, SMALL);
    assertThat(r.status()).isEqualTo(Status.OOM);
    assertThat(r.peakMemoryBytes())
        .isGreaterThan(64L << 20)
        .isLessThanOrEqualTo(SMALL.memoryBytes());
  }

  @Test
  void tmpfsFillIsChargedToTheMemoryLimit() {
    Limits l = SMALL.withTmpfsBytes(1L << 30).withFileSizeBytes(1L << 30);
    ExecutionResult r =
        run("bash", "set -e; head -c 400M /dev/zero > /dev/shm/fill; echo survived", l);
    assertThat(r.status()).isEqualTo(Status.OOM);
    assertThat(r.stdout()).doesNotContain("survived");
  }

  @Test
  void aSpinningProgramTimesOutWithinABoundedTime() {
    Limits l = SMALL.withWallTimeout(Duration.ofSeconds(2));
    ExecutionResult r = run("python", "while True:\n    pass", l);
    assertThat(r.status()).isEqualTo(Status.TIMEOUT);
    assertThat(r.wallMs()).isBetween(2_000L, 10_000L);
  }

  @Test
  void aSleepingProgramTimesOut() {
    ExecutionResult r =
        run(
            "python",
            "import time\nprint('before', flush=True)\ntime.sleep(10**9)",
            SMALL.withWallTimeout(Duration.ofSeconds(1)));
    assertThat(r.status()).isEqualTo(Status.TIMEOUT);
    assertThat(r.stdout()).contains("before");
    assertThat(r.wallMs()).isLessThan(10_000L);
  }

  @Test
  void aProgramThatClosesItsOutputAndRunsOnStillTimesOut() {
    Limits l = SMALL.withWallTimeout(Duration.ofSeconds(1));
    ExecutionResult python =
        run("python", "import os, time\nos.close(1)\nos.close(2)\ntime.sleep(10**9)", l);
    assertThat(python.status()).isEqualTo(Status.TIMEOUT);
    assertThat(python.wallMs()).isLessThan(10_000L);
    ExecutionResult bash = run("bash", "exec >&- 2>&-; sleep 1000", l);
    assertThat(bash.status()).isEqualTo(Status.TIMEOUT);
    assertThat(bash.wallMs()).isLessThan(10_000L);
  }

  @Test
  void burningCpuPastTheBudgetIsCpuLimit() {
    Limits l = SMALL.withWallTimeout(Duration.ofSeconds(10)).withCpuTime(Duration.ofSeconds(1));
    ExecutionResult r = run("python", "while True:\n    pass", l);
    assertThat(r.status()).isEqualTo(Status.CPU_LIMIT);
    assertThat(r.cpuMs()).isGreaterThanOrEqualTo(1000L);
    assertThat(r.wallMs()).isLessThan(10_000L);
  }

  @Test
  void cpuBudgetCoversEveryProcessOfTheRun() {
    Limits l =
        SMALL
            .withCpus(2)
            .withWallTimeout(Duration.ofSeconds(10))
            .withCpuTime(Duration.ofSeconds(2));
    // Four processes each stay under a per-process rlimit; together they exceed the budget.
    String code = "import os\nfor _ in range(3):\n    if os.fork() == 0: break\nwhile True: pass";
    ExecutionResult r = run("python", code, l);
    assertThat(r.status()).isEqualTo(Status.CPU_LIMIT);
  }

  @Test
  void anOutputFloodIsCutAndStopped() {
    Limits l = SMALL.withOutputBytes(64 << 10);
    ExecutionResult r = run("python", "print('first line')\nwhile True:\n    print('x' * 1000)", l);
    assertThat(r.status()).isEqualTo(Status.OUTPUT_LIMIT);
    assertThat(r.stdoutTruncated()).isTrue();
    assertThat(r.stdout()).startsWith("first line").contains("bytes of output cut");
    assertThat(r.stdout().length()).isLessThan(70 << 10);
  }

  @Test
  void outputOverTheLimitKeepsTheRealTail() {
    Limits l = SMALL.withOutputBytes(4 << 10);
    ExecutionResult r = run("python", "for i in range(2000): print(i)\nprint('THE END')", l);
    assertThat(r.status()).isEqualTo(Status.OUTPUT_LIMIT);
    assertThat(r.stdout()).startsWith("0\n1\n").endsWith("1999\nTHE END\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aFileOverTheSizeLimitIsFileLimit() {
    Limits l = SMALL.withFileSizeBytes(1 << 20);
    ExecutionResult r = run("bash", "head -c 5M /dev/zero > /work/big", l);
    assertThat(r.status()).isEqualTo(Status.FILE_LIMIT);
    assertThat(r.signal()).isEqualTo(25);
  }

  @Test
  void pythonHitsTheFileLimitAsACleanError() {
    Limits l = SMALL.withFileSizeBytes(1 << 20);
    ExecutionResult r = run("python", "open('big', 'wb').write(b'x' * (5 << 20))", l);
    assertThat(r.status()).isIn(Status.FILE_LIMIT, Status.ERROR);
    assertThat(r.stderr()).contains("File too large");
  }

  @Test
  void fillingTheWorkspaceIsACleanError() {
    Limits l = SMALL.withTmpfsBytes(2 << 20).withFileSizeBytes(64 << 20);
    ExecutionResult r = run("python", "open('fill', 'wb').write(b'x' * (8 << 20))", l);
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.stderr()).contains("No space left on device");
  }

  @Test
  void aCancelledRunIsCancelled() {
    Execution e = TestEngine.get().submit(new Job("python", "import time\ntime.sleep(60)", SMALL));
    e.cancel();
    ExecutionResult r = e.result().join();
    assertThat(r.status()).isEqualTo(Status.CANCELLED);
    assertThat(r.wallMs()).isLessThan(10_000L);
  }

  @Test
  void stdinReachesTheProgram() {
    ExecutionResult r =
        TestEngine.get()
            .execute(
                new Job(
                    "python",
                    "import sys\nprint(sys.stdin.read().upper())",
                    SMALL,
                    "quiet\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.stdout()).isEqualTo("QUIET\n\n");
  }
}
