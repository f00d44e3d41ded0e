package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Cell;
import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.Session;
import dev.bulwark.SessionBusyException;
import dev.bulwark.SessionDeadException;
import dev.bulwark.SessionEnd;
import dev.bulwark.SessionIsolationException;
import dev.bulwark.SessionSpec;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Output;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Sessions in real sandboxes, judged from the host: state persists across cells in each language,
 * sessions are apart, a cell is stopped without its session (interrupt, wall clock) unless it will
 * not stop or the memory runs out, and every call after the end says so.
 */
class SessionTest {
  static Session open(String language) {
    return open(SessionSpec.of(language, TestEngine.LIMITS));
  }

  static Session open(SessionSpec spec) {
    return TestEngine.get().openSession(spec);
  }

  static ExecutionResult ok(Session s, String code) {
    ExecutionResult r = s.run(Cell.of(code));
    assertThat(r.status()).as("%s: %s %s", code, r.reason(), r.stderr()).isEqualTo(Status.OK);
    return r;
  }

  static String plain(Output o) {
    return String.valueOf(o.data().get("text/plain"));
  }

  @Test
  void aSessionInTheGvisorTierIsRefusedWhileOneShotRunsThereWork() {
    int before = TestEngine.get().sessions().size();
    assertThatThrownBy(() -> open(SessionSpec.of("python", TestEngine.LIMITS).withTier("gvisor")))
        .isInstanceOfSatisfying(
            SessionIsolationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("session_isolation_unsupported");
              assertThat(e.tier()).isEqualTo("gvisor");
              assertThat(e.getMessage()).contains("sessions need the bubblewrap isolation tier");
            });
    assertThat(TestEngine.get().sessions()).hasSize(before);
    try (Session s = open(SessionSpec.of("python", TestEngine.LIMITS).withTier("bubblewrap"))) {
      assertThat(ok(s, "print(6 * 7)").stdout()).isEqualTo("42\n");
    }
    ExecutionResult oneShot = TestEngine.run(Isolation.GVISOR, "python", "print(6 * 7)");
    assertThat(oneShot.status()).as(oneShot.reason()).isEqualTo(Status.OK);
    assertThat(oneShot.stdout()).isEqualTo("42\n");
  }

  @Test
  void pythonKeepsItsNamespaceAndShowsTheLastValue() {
    try (Session s = open("python")) {
      ok(s, "x = 41\nimport os\nos.chdir('/tmp')");
      ExecutionResult r = ok(s, "print(x + 1)\nx * 2");
      assertThat(r.stdout()).isEqualTo("42\n");
      assertThat(r.outputs()).hasSize(1);
      Output value = r.outputs().getFirst();
      assertThat(value.outputType()).isEqualTo(Output.Type.EXECUTE_RESULT);
      assertThat(value.executionCount()).isEqualTo(2);
      assertThat(plain(value)).isEqualTo("82");
      assertThat(ok(s, "print(os.getcwd())").stdout()).isEqualTo("/tmp\n");
      assertThat(ok(s, "x;").outputs()).isEmpty(); // a final ';' shows nothing, as in IPython
      assertThat(s.cellCount()).isEqualTo(4);
    }
  }

  @Test
  void javascriptKeepsItsContextAndAwaitsAtTopLevel() {
    try (Session s = open("javascript")) {
      ok(s, "const base = 40; let n = 1; function add(a, b) { return a + b; }");
      ExecutionResult r = ok(s, "n += 1; const v = await Promise.resolve(add(base, n)); v");
      assertThat(plain(r.outputs().getFirst())).isEqualTo("42");
      assertThat(ok(s, "console.log(v * 2)").stdout()).isEqualTo("84\n");
    }
  }

  @Test
  void bashKeepsItsWorkingDirectoryAndVariables() {
    try (Session s = open("bash")) {
      ok(s, "mkdir -p sub && cd sub && GREETING=hello && f() { echo \"f:$1\"; }");
      ExecutionResult r = ok(s, "pwd; echo \"$GREETING\"; f x");
      assertThat(r.stdout()).isEqualTo("/work/sub\nhello\nf:x\n");
      ExecutionResult failed = s.run(Cell.of("false"));
      assertThat(failed.status()).isEqualTo(Status.ERROR);
      assertThat(ok(s, "echo $GREETING").stdout()).isEqualTo("hello\n");
    }
  }

  @Test
  void twoSessionsSeeNothingOfEachOther() {
    try (Session a = open("python");
        Session b = open("python")) {
      ok(a, "secret = 'a'\nopen('mine.txt', 'w').write('a')");
      ExecutionResult r = ok(b, "import os\nprint('secret' in dir(), os.path.exists('mine.txt'))");
      assertThat(r.stdout()).isEqualTo("False False\n");
      assertThat(a.id()).isNotEqualTo(b.id());
    }
  }

  @Test
  void interruptStopsTheCellAndTheSessionSurvives() {
    try (Session s = open("python")) {
      ok(s, "kept = 7");
      CompletableFuture<ExecutionResult> running =
          CompletableFuture.supplyAsync(
              () -> s.run(Cell.of("import time\nwhile True: time.sleep(0.01)")));
      await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == Session.State.BUSY);
      s.interrupt();
      ExecutionResult r = running.join();
      assertThat(r.status()).isEqualTo(Status.CANCELLED);
      assertThat(s.state()).isEqualTo(Session.State.IDLE);
      assertThat(ok(s, "print(kept)").stdout()).isEqualTo("7\n");
    }
  }

  @Test
  void aSecondCellWhileOneRunsIsBusyUnlessItWaits() {
    try (Session s = open("python")) {
      CompletableFuture<ExecutionResult> running =
          CompletableFuture.supplyAsync(() -> s.run(Cell.of("import time\ntime.sleep(1)\nx = 1")));
      await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == Session.State.BUSY);
      assertThatThrownBy(() -> s.run(Cell.of("print(1)")))
          .isInstanceOfSatisfying(
              SessionBusyException.class, e -> assertThat(e.code()).isEqualTo("session_busy"));
      ExecutionResult waited = s.run(Cell.of("print(x)").waiting());
      assertThat(waited.stdout()).isEqualTo("1\n");
      assertThat(running.join().status()).isEqualTo(Status.OK);
    }
  }

  @Test
  void restartGivesAFreshInterpreterAndKeepsTheFiles() {
    try (Session s = open("python")) {
      ok(s, "x = 1\nopen('kept.txt', 'w').write('still here')");
      s.restart();
      ExecutionResult r = ok(s, "print('x' in dir(), open('kept.txt').read())");
      assertThat(r.stdout()).isEqualTo("False still here\n");
    }
  }

  @Test
  void theFirstCellAfterARestartRunsEveryTime() {
    try (Session s = open("python")) {
      for (int i = 0; i < 40; i++) {
        if (i % 2 == 0) {
          ok(s, "x = " + i);
        } else {
          // A restart while a cell prints: the agent's reader is busy with the old interpreter.
          CompletableFuture<ExecutionResult> printing =
              CompletableFuture.supplyAsync(
                  () -> s.run(Cell.of("x = 1\nwhile True: print('.' * 100)")));
          await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == Session.State.BUSY);
          s.restart();
          assertThat(printing.join().status()).isEqualTo(Status.CANCELLED);
          continue;
        }
        s.restart();
        ExecutionResult r =
            s.run(Cell.of("print('x' in dir())").withTimeout(Duration.ofSeconds(10)));
        assertThat(r.status())
            .as("the cell after restart %d: %s", i, r.reason())
            .isEqualTo(Status.OK);
        assertThat(r.stdout()).isEqualTo("False\n");
      }
    }
  }

  @Test
  void aCellOverItsWallClockIsTimeoutAndTheSessionSurvives() {
    try (Session s = open("python")) {
      ok(s, "kept = 3");
      ExecutionResult r = s.run(Cell.of("while True: pass").withTimeout(Duration.ofMillis(500)));
      assertThat(r.status()).isEqualTo(Status.TIMEOUT);
      assertThat(ok(s, "print(kept)").stdout()).isEqualTo("3\n");
    }
  }

  @Test
  void aCellThatIgnoresItsInterruptEndsTheSession() {
    Session s = open("python");
    String stubborn =
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True: pass";
    ExecutionResult r = s.run(Cell.of(stubborn).withTimeout(Duration.ofMillis(300)));
    assertThat(r.status()).isEqualTo(Status.TIMEOUT);
    assertThat(s.state()).isEqualTo(Session.State.DEAD);
    assertThat(s.end().orElseThrow().cause()).isEqualTo(SessionEnd.Cause.UNRESPONSIVE);
    assertThatThrownBy(() -> s.run(Cell.of("1")))
        .isInstanceOfSatisfying(
            SessionDeadException.class, e -> assertThat(e.code()).isEqualTo("session_dead"));
    s.close();
    assertThat(TestEngine.get().session(s.id())).isEmpty();
  }

  @Test
  void runningOutOfMemoryEndsTheSessionAndSaysWhy() {
    Session s = open(SessionSpec.of("python", TestEngine.LIMITS.withMemoryBytes(128L << 20)));
    ExecutionResult r =
        s.run(Cell.of("chunks = []\nwhile True:\n    chunks.append(b'x' * (16 << 20))"));
    assertThat(r.status()).isEqualTo(Status.OOM);
    SessionEnd end = s.end().orElseThrow();
    assertThat(end.cause()).isEqualTo(SessionEnd.Cause.OOM);
    assertThat(end.reason()).contains("memory limit of 128m");
    assertThatThrownBy(() -> s.upload("a.txt", new java.io.ByteArrayInputStream(new byte[1])))
        .isInstanceOf(SessionDeadException.class);
  }

  @Test
  void anIdleSessionExpires() {
    Session s =
        open(SessionSpec.of("python", TestEngine.LIMITS).withIdleTimeout(Duration.ofMillis(300)));
    await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == Session.State.DEAD);
    assertThat(s.end().orElseThrow().cause()).isEqualTo(SessionEnd.Cause.EXPIRED);
    assertThatThrownBy(() -> s.run(Cell.of("1"))).isInstanceOf(SessionDeadException.class);
  }

  @Test
  void aSessionEndsAtItsLifetimeEvenWhenBusy() {
    Session s =
        open(SessionSpec.of("python", TestEngine.LIMITS).withMaxLifetime(Duration.ofSeconds(1)));
    ExecutionResult r = s.run(Cell.of("import time\ntime.sleep(30)"));
    assertThat(r.status()).isEqualTo(Status.SANDBOX_ERROR);
    assertThat(r.reason()).contains("lifetime");
    assertThat(s.end().orElseThrow().cause()).isEqualTo(SessionEnd.Cause.EXPIRED);
    assertThat(TestEngine.get().session(s.id())).isEmpty();
  }

  @Test
  void aCellThatEndsItsInterpreterGetsAFreshOneAndKillingTheAgentEndsOnlyItsSession() {
    try (Session s = open(audited("python"));
        Session other = open("python")) {
      ok(s, "x = 1\nopen('kept.txt', 'w').write('k')");
      ExecutionResult exited = s.run(Cell.of("import os\nos._exit(3)"));
      assertThat(exited.status()).isEqualTo(Status.ERROR);
      assertThat(exited.exitCode()).isEqualTo(3);
      assertThat(exited.reason()).contains("fresh");
      assertThat(ok(s, "print('x' in dir(), open('kept.txt').read())").stdout())
          .isEqualTo("False k\n");
      s.run(Cell.of("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"));
      await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == Session.State.DEAD);
      assertThat(s.end().orElseThrow().cause()).isEqualTo(SessionEnd.Cause.SANDBOX_EXITED);
      assertThat(ok(other, "print(1)").stdout()).isEqualTo("1\n");
    }
  }

  /** The audit policy denies nothing: the sandbox alone is judged. */
  private static SessionSpec audited(String language) {
    return SessionSpec.of(language, TestEngine.LIMITS).withPolicy(Policies.builtIn("audit"));
  }

  @Test
  void theCellsCannotReachTheAgentOrTheParserThroughProc() {
    try (Session s = open(audited("python"))) {
      ExecutionResult r =
          ok(
              s,
              "import os\nagent = os.getppid()\nfor f in ('mem', 'environ', 'fd/0'):\n"
                  + "    try:\n        open('/proc/%d/%s' % (agent, f), 'rb').read(1)\n"
                  + "        print(f, 'open')\n"
                  + "    except OSError as e:\n        print(f, type(e).__name__)");
      assertThat(r.stdout())
          .isEqualTo("mem PermissionError\nenviron PermissionError\nfd/0 PermissionError\n");
    }
    try (Session s = open(audited("javascript"))) {
      ExecutionResult r =
          ok(
              s,
              "const fs = require('fs');\n"
                  + "const parser = fs.readdirSync('/proc').filter(p => /^\\d+$/.test(p)).find(p => {"
                  + " try { return fs.readFileSync(`/proc/${p}/cmdline`, 'latin1').includes('--serve');"
                  + " } catch (e) { return false; } });\n"
                  + "let seen;\ntry { fs.readFileSync(`/proc/${parser}/environ`); seen = 'open'; }"
                  + " catch (e) { seen = e.code; }\n"
                  + "console.log(parser !== undefined, seen);");
      assertThat(r.stdout()).isEqualTo("true EACCES\n");
    }
  }

  @Test
  void aDeniedCellDoesNotRunAndTheStateStays() {
    try (Session s = open(SessionSpec.of("python", TestEngine.LIMITS))) {
      ok(s, "x = 1");
      ExecutionResult denied = s.run(Cell.of("x = 2\n().__class__.__base__.__subclasses__()"));
      assertThat(denied.status()).isEqualTo(Status.POLICY_DENIED);
      assertThat(ok(s, "print(x)").stdout()).isEqualTo("1\n");
    }
  }

  @Test
  void anAliasMadeInOneCellIsSeenWhereALaterCellCallsIt() {
    try (Session s = open("python")) {
      ok(s, "import os\nrun = os.system");
      ExecutionResult alone =
          TestEngine.get().execute(new Job("python", "run('true')", TestEngine.LIMITS));
      assertThat(alone.findings()).extracting(Finding::ruleId).doesNotContain("py.process");
      ExecutionResult r = s.run(Cell.of("run('true')"));
      assertThat(r.findings()).extracting(Finding::ruleId).contains("py.process");
    }
    try (Session s = open("javascript")) {
      ok(s, "const cp = require('child_process'); const run = cp.execSync;");
      ExecutionResult r = s.run(Cell.of("run('true')"));
      assertThat(r.findings()).extracting(Finding::ruleId).contains("js.process");
    }
  }

  @Test
  void aNameBuiltInOneCellIsKnownWhereALaterCellUsesIt() {
    try (Session s = open("python")) {
      ok(s, "n = 'sys' + 'tem'");
      ExecutionResult r = s.run(Cell.of("import os\ngetattr(os, n)('true')"));
      assertThat(r.status()).isEqualTo(Status.POLICY_DENIED);
      assertThat(r.findings()).extracting(Finding::ruleId).contains("py.concealment");
    }
  }
}
