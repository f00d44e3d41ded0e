package dev.bulwark.attack;

import static dev.bulwark.attack.TestEngine.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Isolation;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §4 rows 12-15: namespaces, mounts, kernel attack surface, ABI confusion and TTY
 * injection, attempted through raw system calls from inside a real sandbox. Each attempt prints the
 * errno it got; the run as a whole must show every one refused.
 */
class SyscallDenialTest {
  private static final String PROBE =
      """
      import ctypes, errno, os, socket
      libc = ctypes.CDLL(None, use_errno=True)
      libc.syscall.restype = ctypes.c_long
      def sys(name, nr, *args):
          ctypes.set_errno(0)
          ret = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
          print(f"{name} ret={ret} errno={errno.errorcode.get(ctypes.get_errno(), ctypes.get_errno())}", flush=True)
      buf = ctypes.create_string_buffer(256)
      sys("unshare", 272, 0x10000000)                 # CLONE_NEWUSER
      sys("unshare_mnt", 272, 0x00020000)             # CLONE_NEWNS
      sys("clone_newnet", 56, 0x40000000 | 17, 0, 0, 0, 0)  # CLONE_NEWNET|SIGCHLD
      sys("mount", 165, ctypes.addressof(buf), ctypes.addressof(buf), ctypes.addressof(buf), 0, 0)
      sys("ptrace", 101, 0, 0, 0, 0)                  # PTRACE_TRACEME
      sys("bpf", 321, 0, ctypes.addressof(buf), 64)
      sys("io_uring_setup", 425, 8, ctypes.addressof(buf))
      sys("userfaultfd", 323, 0)
      sys("keyctl", 250, 0, 0, 0, 0, 0)
      sys("perf_event_open", 298, ctypes.addressof(buf), 0, -1, -1, 0)
      sys("setns", 308, 0, 0)
      sys("open_tree", 428, -100, ctypes.addressof(buf), 0)
      sys("kexec_load", 246, 0, 0, 0, 0)
      sys("syslog", 103, 3, ctypes.addressof(buf), 64)
      sys("personality", 135, 0x0400000)              # READ_IMPLIES_EXEC
      for name, family in [("AF_ALG", 38), ("AF_VSOCK", 40), ("AF_PACKET", 17)]:
          try:
              socket.socket(family, socket.SOCK_RAW if family == 17 else socket.SOCK_SEQPACKET if family == 38 else socket.SOCK_STREAM)
              print(f"{name} ret=0 errno=none")
          except OSError as e:
              print(f"{name} ret=-1 errno={errno.errorcode.get(e.errno, e.errno)}")
      c = ctypes.c_char(b"x")
      ctypes.set_errno(0)
      ret = libc.ioctl(0, 0x5412, ctypes.byref(c))
      print(f"TIOCSTI ret={ret} errno={errno.errorcode.get(ctypes.get_errno(), ctypes.get_errno())}", flush=True)
      ret = libc.ioctl(0, 0x541C, ctypes.byref(c))
      print(f"TIOCLINUX ret={ret} errno={errno.errorcode.get(ctypes.get_errno(), ctypes.get_errno())}", flush=True)
      print("done", flush=True)
      """;

  @Test
  void dangerousSyscallsAreRefused() {
    ExecutionResult r = run("python", PROBE);
    assertThat(r.stdout()).contains("done");
    for (String line : r.stdout().lines().filter(l -> l.contains(" ret=")).toList()) {
      assertThat(line).as(line).doesNotContain("errno=none").matches(".* ret=-1 errno=E[A-Z]+");
    }
    for (String name :
        new String[] {
          "unshare ",
          "mount ",
          "ptrace ",
          "bpf ",
          "io_uring_setup ",
          "userfaultfd ",
          "keyctl ",
          "perf_event_open ",
          "setns ",
          "clone_newnet ",
          "TIOCSTI ",
          "TIOCLINUX "
        }) {
      assertThat(r.stdout()).contains(name + "ret=-1 errno=EPERM");
    }
    assertThat(r.stdout())
        .contains("AF_ALG ret=-1")
        .contains("AF_VSOCK ret=-1")
        .contains("AF_PACKET ret=-1");
  }

  /**
   * gVisor's kernel is its own: it refuses what it does not implement, and serves the rest (user,
   * mount and network namespaces, ptrace, io_uring, its own log, packet sockets on its own network
   * stack) without the host kernel: the host sees only runsc's sandbox and gofer, each under its
   * own seccomp filter.
   */
  @Test
  void gvisorRefusesWhatItLacksAndServesTheRestUnderItsOwnSeccomp() {
    ExecutionResult r = run(Isolation.GVISOR, "python", PROBE);
    assertThat(r.stdout()).contains("done");
    for (String refused :
        new String[] {
          "mount ret=-1 errno=EPERM",
          "bpf ret=-1 errno=ENOSYS",
          "userfaultfd ret=-1 errno=ENOSYS",
          "keyctl ret=-1 errno=EACCES",
          "perf_event_open ret=-1 errno=ENODEV",
          "setns ret=-1 errno=ENOTSUP",
          "open_tree ret=-1 errno=ENOSYS",
          "kexec_load ret=-1 errno=ENOSYS",
          "AF_ALG ret=-1",
          "AF_VSOCK ret=-1",
          "TIOCSTI ret=-1",
          "TIOCLINUX ret=-1"
        }) {
      assertThat(r.stdout()).contains(refused);
    }

    TestEngine.whileGvisorSleeps(
        "bulwark-seccomp-probe-" + UUID.randomUUID(),
        // The Sentry and the gofer install their filters as they finish booting, which a loaded
        // host may not have reached when their processes first show.
        () ->
            await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                  List<Long> kernel =
                      new ArrayList<>(HostProbe.descendantsWithCmdline("runsc-sandbox"));
                  kernel.addAll(HostProbe.descendantsWithCmdline("runsc-gofer"));
                  assertThat(kernel).isNotEmpty();
                  for (long pid : kernel) {
                    assertThat(HostProbe.seccompMode(pid)).as(HostProbe.describe(pid)).isEqualTo(2);
                  }
                }));
  }

  @EachTier
  void anX32SyscallNeverReachesTheHost(Isolation tier) {
    String code =
        """
        import ctypes
        print("before", flush=True)
        ctypes.CDLL(None).syscall(ctypes.c_long(0x40000000 | 39))  # x32 getpid
        print("AFTER", flush=True)
        """;
    ExecutionResult r = run(tier, "python", code);
    if (tier == Isolation.GVISOR) {
      // gVisor's kernel speaks the 64-bit ABI only: the call fails and the program goes on.
      assertThat(r.stdout()).contains("before").contains("AFTER");
      assertThat(r.status()).isEqualTo(Status.OK);
      return;
    }
    assertThat(r.stdout()).contains("before").doesNotContain("AFTER");
    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.signal()).isEqualTo(31); // SIGSYS
  }

  @Test
  void nestedUserNamespacesAreUnavailableEvenToUnshareTheCommand() {
    ExecutionResult r = run("bash", "unshare -Ur id 2>&1; unshare -m true 2>&1; echo end");
    assertThat(r.stdout()).contains("end").doesNotContain("uid=0");
    assertThat(r.stdout()).containsIgnoringCase("unshare failed");
  }
}
