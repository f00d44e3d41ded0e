package dev.bulwark.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Status;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static final long BUDGET = 1_000_000_000L;

  private static Verdict.Observation ran(int exitCode) {
    return new Verdict.Observation(
        true, exitCode, "", false, false, false, false, false, 0, 0, false, 0, BUDGET, "30s");
  }

  private static Verdict.Observation with(Verdict.Observation o, String field) {
    return new Verdict.Observation(
        o.setupFinished() && !field.equals("setupFailed"),
        o.exitCode(),
        field.equals("setupFailed") ? "bwrap: Can't mount" : "",
        field.equals("cancelled"),
        field.equals("timedOut"),
        field.equals("cpuExhausted"),
        field.equals("flooded"),
        field.equals("truncated") || field.equals("flooded"),
        field.equals("oom") ? 1 : 0,
        field.equals("pids") ? 3 : 0,
        false,
        field.equals("cpuUsed") ? BUDGET : 0,
        BUDGET,
        "30s");
  }

  @Test
  void cleanExitIsOk() {
    assertThat(Verdict.of(ran(0)).status()).isEqualTo(Status.OK);
    assertThat(Verdict.of(ran(0)).reason()).isEmpty();
  }

  @Test
  void nonZeroExitIsError() {
    Verdict v = Verdict.of(ran(3));
    assertThat(v.status()).isEqualTo(Status.ERROR);
    assertThat(v.reason()).contains("code 3");
    assertThat(v.signal()).isNull();
  }

  @Test
  void signalsAreDecodedFromTheShellConvention() {
    Verdict v = Verdict.of(ran(128 + 11));
    assertThat(v.status()).isEqualTo(Status.ERROR);
    assertThat(v.signal()).isEqualTo(11);
    assertThat(v.reason()).contains("SIGSEGV");
  }

  @Test
  void eachHostObservationMapsToItsStatus() {
    Verdict.Observation killed = ran(137);
    assertThat(Verdict.of(with(killed, "cancelled")).status()).isEqualTo(Status.CANCELLED);
    assertThat(Verdict.of(with(killed, "timedOut")).status()).isEqualTo(Status.TIMEOUT);
    assertThat(Verdict.of(with(killed, "cpuExhausted")).status()).isEqualTo(Status.CPU_LIMIT);
    assertThat(Verdict.of(with(killed, "cpuUsed")).status()).isEqualTo(Status.CPU_LIMIT);
    assertThat(Verdict.of(with(killed, "flooded")).status()).isEqualTo(Status.OUTPUT_LIMIT);
    assertThat(Verdict.of(with(killed, "oom")).status()).isEqualTo(Status.OOM);
    assertThat(Verdict.of(with(ran(1), "pids")).status()).isEqualTo(Status.PIDS_LIMIT);
    assertThat(Verdict.of(with(ran(0), "truncated")).status()).isEqualTo(Status.OUTPUT_LIMIT);
    assertThat(Verdict.of(with(ran(1), "setupFailed")).status()).isEqualTo(Status.SANDBOX_ERROR);
    assertThat(Verdict.of(ran(128 + Verdict.SIGXCPU)).status()).isEqualTo(Status.CPU_LIMIT);
    assertThat(Verdict.of(ran(128 + Verdict.SIGXFSZ)).status()).isEqualTo(Status.FILE_LIMIT);
  }

  @Test
  void limitHitsThatTheProgramSurvivedDoNotFailIt() {
    assertThat(Verdict.of(with(ran(0), "oom")).status()).isEqualTo(Status.OK);
    assertThat(Verdict.of(with(ran(0), "pids")).status()).isEqualTo(Status.OK);
  }

  @Test
  void hostKillsWinOverWhatTheProgramDid() {
    assertThat(Verdict.of(with(ran(0), "timedOut")).status()).isEqualTo(Status.TIMEOUT);
    assertThat(Verdict.of(with(ran(1), "setupFailed")).reason()).contains("Can't mount");
    Verdict.Observation killedBeforeBwrapReported =
        new Verdict.Observation(
            false, 137, "", false, false, true, false, false, 0, 0, false, BUDGET, BUDGET, "30s");
    assertThat(Verdict.of(killedBeforeBwrapReported).status()).isEqualTo(Status.CPU_LIMIT);
    Verdict.Observation bwrapTakenByTheOomKiller =
        new Verdict.Observation(
            false, 137, "", false, false, false, false, false, 2, 0, false, 0, BUDGET, "30s");
    assertThat(Verdict.of(bwrapTakenByTheOomKiller).status()).isEqualTo(Status.OOM);
  }

  @Test
  void forksRefusedBeforeTheMemoryRanOutAreThePidsLimit() {
    Verdict bomb = Verdict.of(bothLimits(false));
    assertThat(bomb.status()).isEqualTo(Status.PIDS_LIMIT);
    assertThat(bomb.reason()).contains("process limit").contains("memory");
  }

  @Test
  void memoryThatRanOutBeforeAnyForkWasRefusedIsOom() {
    assertThat(Verdict.of(bothLimits(true)).status()).isEqualTo(Status.OOM);
    assertThat(Verdict.of(with(ran(137), "oom")).status()).isEqualTo(Status.OOM);
  }

  /** A run that failed after reaching both limits, the OOM kill first or not. */
  private static Verdict.Observation bothLimits(boolean oomFirst) {
    return new Verdict.Observation(
        true, 1, "", false, false, false, false, false, 1, 40, oomFirst, 0, BUDGET, "30s");
  }
}
