package dev.bulwark.attack;

import static dev.bulwark.attack.TestEngine.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import org.junit.jupiter.api.Test;

/** The sandbox must stay useful: ordinary agent work runs as it would on a workstation. */
class BenignWorkloadsTest {
  @Test
  void theDataScienceStackWorks() {
    String code =
        """
        import numpy as np, pandas as pd, scipy.stats as st, matplotlib.pyplot as plt, os
        df = pd.DataFrame({"x": np.arange(10), "y": np.arange(10) ** 2})
        slope = st.linregress(df.x, df.y).slope
        df.plot(x="x", y="y").get_figure().savefig("plot.png")
        print(int(df.y.sum()), round(slope, 3), os.path.getsize("plot.png") > 1000)
        """;
    ExecutionResult r = run("python", code);
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("285 9.0 True\n");
    assertThat(r.stderr()).as("no warning: fontconfig finds its configuration").isEmpty();
  }

  @Test
  void aModuleTheSandboxLacksSaysThatPackagesCannotBeInstalledAtRunTime() {
    ExecutionResult py = run("python", "import surely_not_installed_anywhere");
    assertThat(py.status()).isEqualTo(Status.ERROR);
    assertThat(py.reason())
        .contains("'surely_not_installed_anywhere' is not installed in the sandbox")
        .contains("packages cannot be installed at run time")
        .contains("/v1/runtimes");
    ExecutionResult js = run("javascript", "require('surely-not-installed-anywhere')");
    assertThat(js.status()).isEqualTo(Status.ERROR);
    assertThat(js.reason()).contains("'surely-not-installed-anywhere' is not installed");
    ExecutionResult failed = run("python", "raise SystemExit(3)");
    assertThat(failed.reason()).as("any other failure").isEqualTo("exited with code 3");
  }

  @Test
  void pythonStartsAsUsualThoughTheRunnerDoesTheSiteModulesWork() {
    String code =
        """
        import sys, mpl_toolkits.mplot3d
        print("/usr/lib/python3/dist-packages" in sys.path, callable(quit), callable(help))
        exit(3)
        """;
    ExecutionResult r = run("python", code);
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).isEqualTo("True True True\n");
    assertThat(r.exitCode()).isEqualTo(3);
  }

  @Test
  void aPythonProgramEndsAsTheInterpreterEndsIt() {
    String threadsAndExitHandlers =
        """
        import atexit, io, sys, threading, time
        atexit.register(lambda: print("exit handler"))
        def late():
            time.sleep(0.2)
            print("thread done")
        threading.Thread(target=late).start()
        sys.stdout = io.TextIOWrapper(open(1, "wb", closefd=False), write_through=False)
        print("buffered")
        """;
    ExecutionResult r = run("python", threadsAndExitHandlers);
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("buffered\nthread done\nexit handler\n");

    ExecutionResult message = run("python", "import sys; sys.exit('went wrong')");
    assertThat(message.exitCode()).isEqualTo(1);
    assertThat(message.stderr()).isEqualTo("went wrong\n");
    assertThat(run("python", "raise SystemExit(300)").exitCode()).isEqualTo(300 & 0xFF);
  }

  @Test
  void aJavaScriptProgramEndsAsNodeEndsIt() {
    // The runner ends its streams once node has run the exit listeners: nothing may come after.
    String timersAndExitListeners =
        """
        process.on('exit', (code) => console.log('exit listener', code));
        setTimeout(() => console.log('timer'), 100);
        console.log('start');
        process.exitCode = 3;
        """;
    ExecutionResult r = run("javascript", timersAndExitListeners);
    assertThat(r.stdout()).isEqualTo("start\ntimer\nexit listener 3\n");
    assertThat(r.exitCode()).isEqualTo(3);

    // An uncaught error is printed in the program's terms before the run ends, and arrives whole.
    ExecutionResult thrown = run("javascript", "console.log('before'); throw new Error('boom');");
    assertThat(thrown.exitCode()).isEqualTo(1);
    assertThat(thrown.stdout()).isEqualTo("before\n");
    assertThat(thrown.stderr()).isEqualTo("Error: boom\n    at Object.<anonymous> (<code>:1:30)\n");
    ExecutionResult rejected = run("javascript", "Promise.reject(new Error('refused'));");
    assertThat(rejected.exitCode()).isEqualTo(1);
    assertThat(rejected.stderr()).startsWith("Error: refused\n    at ").contains("<code>:1:");

    // A program that emits 'exit' itself has not ended.
    ExecutionResult emitted =
        run(
            "javascript",
            "process.emit('exit', 0); console.log('still running'); process.exit(300);");
    assertThat(emitted.stdout()).isEqualTo("still running\n");
    assertThat(emitted.exitCode()).isEqualTo(300 & 0xFF);

    // More than a pipe holds: node's stdout is non-blocking by then, and the end frame waits.
    ExecutionResult big = run("javascript", "console.log('x'.repeat(300000));");
    assertThat(big.stdout()).hasSize(300001);
    assertThat(big.exitCode()).isZero();
  }

  @Test
  void pythonThreadsSubprocessSqliteJsonAndMultiprocessingWork() {
    String code =
        """
        import json, sqlite3, subprocess, threading, multiprocessing, tempfile, os
        out = []
        ts = [threading.Thread(target=out.append, args=(i,)) for i in range(8)]
        [t.start() for t in ts]; [t.join() for t in ts]
        db = sqlite3.connect("data.db")
        db.execute("create table t(x)"); db.executemany("insert into t values (?)", [(i,) for i in range(100)])
        total = db.execute("select sum(x) from t").fetchone()[0]
        echo = subprocess.run(["echo", "child"], capture_output=True, text=True).stdout.strip()
        with multiprocessing.Pool(2) as pool:
            squares = pool.map(abs, [-1, -2, -3])
        with tempfile.NamedTemporaryFile("w", delete=False) as f:
            f.write("tmp ok")
        print(json.dumps({"threads": sorted(out), "sum": total, "echo": echo, "pool": squares,
                          "tmp": open(f.name).read(), "cwd": os.getcwd()}))
        """;
    ExecutionResult r = run("python", code);
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout())
        .contains("\"sum\": 4950")
        .contains("\"echo\": \"child\"")
        .contains("\"pool\": [1, 2, 3]")
        .contains("\"tmp\": \"tmp ok\"")
        .contains("\"cwd\": \"/work\"")
        .contains("[0, 1, 2, 3, 4, 5, 6, 7]");
  }

  @Test
  void nodeFsChildProcessCryptoAndWorkersWork() {
    String code =
        """
        const fs = require('fs');
        const { execSync } = require('child_process');
        const crypto = require('crypto');
        const { Worker } = require('worker_threads');
        fs.writeFileSync('note.txt', 'written');
        const echoed = execSync('echo child').toString().trim();
        const hash = crypto.createHash('sha256').update('bulwark').digest('hex').slice(0, 8);
        const w = new Worker('require("worker_threads").parentPort.postMessage(6 * 7)', { eval: true });
        w.on('message', (n) => {
          console.log(JSON.stringify({ file: fs.readFileSync('note.txt', 'utf8'), echoed, hash,
                                       random: crypto.randomBytes(4).length, worker: n }));
        });
        """;
    ExecutionResult r = run("javascript", code);
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout())
        .contains("\"file\":\"written\"")
        .contains("\"echoed\":\"child\"")
        .contains("\"random\":4")
        .contains("\"worker\":42");
    assertThat(r.runtime().name()).isEqualTo("javascript");
  }

  @Test
  void bashWithCoreutilsWorks() {
    ExecutionResult r =
        run(
            "bash",
            "printf 'b\\na\\nc\\n' | sort | tr -d '\\n'; echo; seq 1 100 | awk '{s+=$1} END {print s}'; date +%Y >/dev/null && echo date-ok; whoami");
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("abc\n5050\ndate-ok\nsandbox\n");
  }

  @Test
  void unicodeRoundTripsThroughStdoutAndStderr() {
    ExecutionResult r =
        run("python", "import sys\nprint('héllo ✓ 日本')\nprint('ошибка', file=sys.stderr)");
    assertThat(r.stdout()).isEqualTo("héllo ✓ 日本\n");
    assertThat(r.stderr()).isEqualTo("ошибка\n");
  }
}
