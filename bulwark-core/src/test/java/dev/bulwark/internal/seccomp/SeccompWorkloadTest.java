package dev.bulwark.internal.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.internal.seccomp.FilteredSandbox.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordinary programs must not notice the filters: the allowlist is generous where it is safe. */
class SeccompWorkloadTest {

  private static FilteredSandbox sandbox;

  @BeforeAll
  static void compileTheDefaultPolicy(@TempDir Path dir) {
    assumeTrue(Files.isExecutable(FilteredSandbox.BWRAP), "needs bubblewrap at /usr/bin/bwrap");
    sandbox = FilteredSandbox.with(SeccompFilters.compileDefault(dir));
  }

  private static final String PYTHON =
      """
      import json, multiprocessing, sqlite3, subprocess, threading

      def square(x):
          return x * x

      if __name__ == '__main__':
          seen = []
          thread = threading.Thread(target=lambda: seen.append('thread ran'))
          thread.start(); thread.join()
          print(seen[0])
          echo = subprocess.run(['echo', 'hi'], capture_output=True, text=True, check=True)
          print(echo.stdout.strip())
          db = sqlite3.connect(':memory:')
          db.execute('create table t(x)')
          db.executemany('insert into t values (?)', [(1,), (2,)])
          print('sqlite', db.execute('select sum(x) from t').fetchone()[0])
          print(json.dumps({'json': True}))
          with multiprocessing.Pool(2) as pool:
              print('pool', pool.map(square, [1, 2, 3]))
      """;

  @Test
  void pythonRunsThreadsSubprocessSqliteJsonAndAProcessPool() throws Exception {
    Outcome outcome = sandbox.run("python3", "-I", "-c", PYTHON);

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.stdout().lines())
        .containsExactly("thread ran", "hi", "sqlite 3", "{\"json\": true}", "pool [1, 4, 9]");
  }

  private static final String NODE =
      """
      const fs = require('fs'), cp = require('child_process'), crypto = require('crypto');
      const { Worker } = require('worker_threads');
      fs.writeFileSync('/tmp/note.txt', 'written');
      console.log(fs.readFileSync('/tmp/note.txt', 'utf8'));
      console.log(cp.execSync('echo hi').toString().trim());
      console.log('random bytes', crypto.randomBytes(16).length);
      fs.promises.readFile('/tmp/note.txt', 'utf8')
        .then(text => console.log('async', text))
        .then(() => new Promise(done => {
          const worker = new Worker(
            'require("worker_threads").parentPort.postMessage(6 * 7)', { eval: true });
          worker.on('message', answer => { console.log('worker', answer); done(); });
        }));
      """;

  @Test
  void nodeRunsFsChildProcessCryptoAndWorkerThreads() throws Exception {
    Outcome outcome = sandbox.run("node", "-e", NODE);

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.stdout().lines())
        .containsExactly("written", "hi", "random bytes 16", "async written", "worker 42");
  }

  /** libuv tries io_uring when asked to; refused with EPERM it must fall back, not fail. */
  @Test
  void nodeFallsBackWhenIoUringIsRefused() throws Exception {
    Outcome outcome = sandbox.run(List.of("UV_USE_IO_URING", "1"), "node", "-e", NODE);

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.stdout().lines()).contains("async written", "worker 42");
  }

  @Test
  void bashRunsACoreutilsPipeline() throws Exception {
    Outcome outcome =
        sandbox.run(
            "bash",
            "-c",
            "ls / | sort | wc -l; date +%Y | wc -c; printf 'b\\na\\nc\\n' | sort -r | head -1;"
                + " echo $(( 6 * 7 )) > /tmp/x && cat /tmp/x; mkfifo /tmp/fifo && echo fifo");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    List<String> lines = outcome.stdout().lines().toList();
    assertThat(Integer.parseInt(lines.getFirst().strip())).isPositive();
    assertThat(lines.subList(1, lines.size())).containsExactly("5", "c", "42", "fifo");
  }
}
