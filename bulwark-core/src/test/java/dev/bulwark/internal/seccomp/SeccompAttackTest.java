package dev.bulwark.internal.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.internal.seccomp.FilteredSandbox.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threats 11 to 15 of the design: raw syscalls from inside a real sandbox, judged by the errno the
 * kernel hands back or by how the process died. Syscall numbers are x86_64.
 */
class SeccompAttackTest {

  private static final int OK = 0;
  private static final int ESRCH = 3;
  private static final int EPERM = 1;
  private static final int EFAULT = 14;
  private static final int ENOTTY = 25;
  private static final int ENOSYS = 38;
  private static final int EPROTONOSUPPORT = 93;
  private static final int EAFNOSUPPORT = 97;

  /**
   * One raw syscall: {@code call} is its number and arguments as Python expressions ({@code B} is
   * the address of a zeroed 64-byte buffer); {@code errno} is the expected result, 0 for success.
   */
  record Probe(String name, String call, int errno) {
    @Override
    public String toString() {
      return name + " -> " + (errno == OK ? "allowed" : "errno " + errno);
    }
  }

  static Stream<Probe> refused() {
    return Stream.of(
        // namespaces and mounts (threat 12)
        new Probe("unshare(CLONE_NEWUSER)", "272, 0x10000000", EPERM),
        new Probe("setns(0, 0)", "308, 0, 0", EPERM),
        new Probe("mount(NULL, NULL, ...)", "165", EPERM),
        new Probe("umount2(\"\")", "166, B, 0", EPERM),
        new Probe("pivot_root", "155, B, B", EPERM),
        new Probe("chroot", "161, B", EPERM),
        new Probe("fsopen", "430, B, 0", EPERM),
        new Probe("open_tree", "428, -100, B, 0", EPERM),
        new Probe("mount_setattr", "442, -1, B, 0, 0, 0", EPERM),
        new Probe("clone(CLONE_NEWNS | SIGCHLD)", "56, 0x20011", EPERM),
        new Probe("clone(CLONE_NEWUSER | SIGCHLD)", "56, 0x10000011", EPERM),
        new Probe("clone(CLONE_NEWNET | SIGCHLD)", "56, 0x40000011", EPERM),
        new Probe("clone3 (flags out of reach of a filter)", "435, B, 88", ENOSYS),
        // other processes (threat 11)
        new Probe("ptrace(PTRACE_TRACEME)", "101, 0", EPERM),
        new Probe("ptrace(PTRACE_ATTACH, no such pid)", "101, 16, 0x3fffffff", EPERM),
        new Probe("process_vm_readv", "310, 1, B, 1, B, 1, 0", EPERM),
        new Probe("kcmp", "312, 1, 1, 0, 0, 0", EPERM),
        // kernel surface (threat 13)
        new Probe("bpf(BPF_MAP_CREATE)", "321, 0, B, 64", EPERM),
        new Probe("perf_event_open", "298, B, 0, -1, -1, 0", EPERM),
        new Probe("userfaultfd(UFFD_USER_MODE_ONLY)", "323, 1", EPERM),
        new Probe("io_uring_setup", "425, 1, B", EPERM),
        new Probe("keyctl(KEYCTL_GET_KEYRING_ID)", "250, 0, -3, 0", EPERM),
        new Probe("add_key", "248, B, B, B, 0, -3", EPERM),
        new Probe("open_by_handle_at", "304, 0, B, 0", EPERM),
        new Probe("init_module", "175, B, 0, B", EPERM),
        new Probe("kexec_load", "246, 0, 0, 0, 0", EPERM),
        new Probe("iopl(3)", "172, 3", EPERM),
        new Probe("modify_ldt", "154, 0, B, 64", EPERM),
        new Probe("socket(AF_ALG)", "41, 38, 5, 0", EAFNOSUPPORT),
        new Probe("socket(AF_VSOCK)", "41, 40, 1, 0", EAFNOSUPPORT),
        new Probe("socket(AF_PACKET)", "41, 17, 3, 0", EAFNOSUPPORT),
        new Probe("socket(AF_KEY)", "41, 15, 3, 2", EAFNOSUPPORT),
        new Probe("socket(AF_BLUETOOTH)", "41, 31, 1, 0", EAFNOSUPPORT),
        new Probe("socket(AF_NETLINK, NETLINK_AUDIT)", "41, 16, 3, 9", EPROTONOSUPPORT),
        // the machine and the host's view of it (threat 27)
        new Probe("syslog(SYSLOG_ACTION_SIZE_BUFFER)", "103, 10, 0, 0", EPERM),
        new Probe("settimeofday(bad pointer)", "164, 1, 0", EPERM),
        new Probe("clock_settime", "227, 0, B", EPERM),
        new Probe("reboot(bad magic)", "169, 0, 0, 0, 0", EPERM),
        new Probe("sethostname", "170, B, 0", EPERM),
        // TTY injection (threat 15): fd 0 is /dev/null, where the kernel would say ENOTTY
        new Probe("ioctl(0, TIOCSTI)", "16, 0, 0x5412, B", EPERM),
        new Probe("ioctl(0, TIOCSTI with bit 32 set)", "16, 0, 0x100005412, B", EPERM),
        new Probe("ioctl(0, TIOCLINUX)", "16, 0, 0x541c, B", EPERM),
        // exploit helpers
        new Probe("personality(ADDR_NO_RANDOMIZE)", "135, 0x40000", EPERM),
        new Probe("personality(READ_IMPLIES_EXEC)", "135, 0x400000", EPERM),
        new Probe("personality(PER_BSD)", "135, 0x6", ENOSYS),
        // not in the allowlist at all
        new Probe("memfd_secret", "447, 0", ENOSYS),
        new Probe("syscall 1000", "1000", ENOSYS));
  }

  static Stream<Probe> allowed() {
    return Stream.of(
        new Probe("getpid", "39", OK),
        new Probe("clone(SIGCHLD), a plain fork", "56, 17", OK),
        new Probe("socket(AF_UNIX)", "41, 1, 1, 0", OK),
        new Probe("socket(AF_INET)", "41, 2, 1, 0", OK),
        new Probe("socket(AF_INET6)", "41, 10, 1, 0", OK),
        new Probe("socket(AF_NETLINK, NETLINK_ROUTE)", "41, 16, 3, 0", OK),
        new Probe("personality(PER_LINUX)", "135, 0", OK),
        new Probe("personality(0xffffffff), the query", "135, 0xffffffff", OK),
        new Probe("ioctl(1, FIOCLEX)", "16, 1, 0x5451, 0", OK));
  }

  /**
   * What the kernel itself answers in the same sandbox without filters, for probes where that is
   * the same on every host: proof that the errnos above come from the filters.
   */
  static Stream<Probe> unfilteredControl() {
    return Stream.of(
        new Probe("mount(NULL, NULL, ...)", "165", EFAULT),
        new Probe("clone(CLONE_NEWNS | SIGCHLD)", "56, 0x20011", OK),
        new Probe("ptrace(PTRACE_ATTACH, no such pid)", "101, 16, 0x3fffffff", ESRCH),
        new Probe("settimeofday(bad pointer)", "164, 1, 0", EFAULT),
        new Probe("ioctl(0, TIOCSTI)", "16, 0, 0x5412, B", ENOTTY),
        new Probe("ioctl(0, TIOCSTI with bit 32 set)", "16, 0, 0x100005412, B", ENOTTY),
        new Probe("personality(READ_IMPLIES_EXEC)", "135, 0x400000", OK));
  }

  /** Runs each probe in a child of its own, so that none can change what the next one sees. */
  private static final String PROBE =
      """
      import ctypes, os, sys
      libc = ctypes.CDLL(None, use_errno=True)
      libc.syscall.restype = ctypes.c_long
      libc.syscall.argtypes = [ctypes.c_long] * 7
      buffer = ctypes.create_string_buffer(64)
      B = ctypes.addressof(buffer)

      def errno_of(number, *args):
          ctypes.set_errno(0)
          result = libc.syscall(number, *(list(args) + [0] * (6 - len(args))))
          if result == 0 and number == 56:
              os._exit(0)  # a raw clone that went through: the child leaves at once
          return 0 if result >= 0 else ctypes.get_errno()

      for probe in sys.argv[1:]:
          name, _, call = probe.rpartition('=')
          sys.stdout.flush()
          pid = os.fork()
          if pid == 0:
              print(f'{name}={errno_of(*eval("(" + call + ",)", {"B": B}))}', flush=True)
              os._exit(0)
          os.waitpid(pid, 0)
      """;

  private static FilteredSandbox filtered;
  private static Map<String, Integer> filteredResults;
  private static Map<String, Integer> controlResults;

  @BeforeAll
  static void runEveryProbeOnce(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(FilteredSandbox.BWRAP), "needs bubblewrap at /usr/bin/bwrap");
    filtered = FilteredSandbox.with(SeccompFilters.compileDefault(dir));
    filteredResults = probe(filtered, Stream.concat(refused(), allowed()).toList());
    controlResults = probe(FilteredSandbox.unfiltered(), unfilteredControl().toList());
  }

  private static Map<String, Integer> probe(FilteredSandbox sandbox, List<Probe> probes)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("python3", "-I", "-c", PROBE));
    probes.forEach(p -> command.add(p.name() + "=" + p.call()));
    Outcome outcome = sandbox.run(command.toArray(String[]::new));
    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    Map<String, Integer> results = new HashMap<>();
    outcome
        .stdout()
        .lines()
        .forEach(line -> {
          int split = line.lastIndexOf('=');
          results.put(line.substring(0, split), Integer.parseInt(line.substring(split + 1)));
        });
    return results;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusedSyscallFailsWithItsErrno(Probe probe) {
    assertThat(filteredResults).containsEntry(probe.name(), probe.errno());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowed")
  void allowedVariantStillWorks(Probe probe) {
    assertThat(filteredResults).containsEntry(probe.name(), probe.errno());
  }

  @ParameterizedTest(name = "without filters: {0}")
  @MethodSource("unfilteredControl")
  void withoutTheFiltersTheKernelAnswersOtherwise(Probe probe) {
    assertThat(controlResults).containsEntry(probe.name(), probe.errno());
  }

  /** x32 shares the x86_64 audit arch; only the syscall number's bit 30 tells it apart. */
  private static final String X32_GETPID =
      "import ctypes; ctypes.CDLL(None).syscall(0x40000000 | 39); print('survived')";

  @Test
  void anX32SyscallKillsTheProcess() throws Exception {
    Outcome outcome = filtered.run("python3", "-I", "-c", X32_GETPID);

    assertThat(outcome.exitCode())
        .as(outcome.toString())
        .isEqualTo(FilteredSandbox.KILLED_BY_SIGSYS);
    assertThat(outcome.stdout()).doesNotContain("survived");
  }

  @Test
  void withoutTheFiltersAnX32SyscallIsHarmless() throws Exception {
    Outcome outcome = FilteredSandbox.unfiltered().run("python3", "-I", "-c", X32_GETPID);

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.stdout()).contains("survived");
  }

  /** The i386 getpid through {@code int 0x80}, from executable memory (needs IA32 emulation). */
  private static final String I386_GETPID =
      """
      import ctypes, mmap
      code = bytes([0xb8, 20, 0, 0, 0, 0xcd, 0x80, 0xc3])  # mov eax, 20; int 0x80; ret
      page = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
      page.write(code)
      ctypes.CFUNCTYPE(ctypes.c_long)(ctypes.addressof(ctypes.c_char.from_buffer(page)))()
      print('survived')
      """;

  @Test
  void anI386SyscallKillsTheProcess() throws Exception {
    // Kernels built without IA32 emulation (or booted with ia32_emulation=0) crash int 0x80 even
    // outside any sandbox: there the filter has nothing to stop, and the test nothing to judge.
    Process bare = new ProcessBuilder("python3", "-I", "-c", I386_GETPID).start();
    bare.getOutputStream().close();
    String bareOut = new String(bare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int bareExit = bare.waitFor();
    assumeTrue(
        bareExit == 0 && bareOut.contains("survived"),
        "this kernel has no working i386 syscall entry: int 0x80 outside any sandbox ended with"
            + " exit code "
            + bareExit);

    Outcome outcome = filtered.run("python3", "-I", "-c", I386_GETPID);

    assertThat(outcome.exitCode())
        .as(outcome.toString())
        .isEqualTo(FilteredSandbox.KILLED_BY_SIGSYS);
    assertThat(outcome.stdout()).doesNotContain("survived");
  }
}
