package dev.bulwark.internal.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeccompFiltersTest {

  /** BPF_LD | BPF_W | BPF_ABS: load a 32-bit word of struct seccomp_data. */
  private static final int LOAD_WORD = 0x20;

  /** offsetof(struct seccomp_data, arch). */
  private static final int ARCH_OFFSET = 4;

  @TempDir Path dir;

  @Test
  void compiledFiltersAreWholeBpfPrograms() throws IOException {
    SeccompFilters filters = SeccompFilters.compileDefault(dir);

    for (Path program : List.of(filters.allowlist(), filters.guard())) {
      byte[] bytes = Files.readAllBytes(program);
      assertThat(bytes.length).as(program.toString()).isPositive();
      assertThat(bytes.length % 8).as("sock_filter is 8 bytes").isZero();
      ByteBuffer first = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
      assertThat(first.getShort(0)).as("first instruction loads").isEqualTo((short) LOAD_WORD);
      assertThat(first.getInt(4)).as("... the architecture").isEqualTo(ARCH_OFFSET);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(program)))
          .isEqualTo("rw-r--r--");
    }
    assertThat(filters.allowlist()).isEqualTo(dir.resolve("allowlist.bpf"));
    assertThat(filters.guard()).isEqualTo(dir.resolve("guard.bpf"));
  }

  @Test
  void createsTheDirectoryAndLeavesNoTemporaryFiles() throws IOException {
    Path nested = dir.resolve("a/b");

    SeccompFilters.compileDefault(nested);

    try (var files = Files.list(nested)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("allowlist.bpf", "guard.bpf");
    }
  }

  @Test
  void syscallsUnknownToLibseccompAreSkippedAndReported() {
    SeccompPolicy policy =
        SeccompPolicy.parse(
            """
            [filters]
            allowlist default ENOSYS
            allowlist bad-arch kill-process
            guard default allow
            guard bad-arch kill-process
            [allow]
            read write exit_group no_such_syscall
            [guard]
            EPERM another_made_up_one arg0 == 1
            EPERM no_such_syscall
            """);

    SeccompFilters filters = SeccompFilters.compile(policy, dir);

    assertThat(filters.unknownSyscalls()).containsExactly("another_made_up_one", "no_such_syscall");
  }

  @Test
  void theDefaultPolicyOnlyMissesSyscallsNewerThanTheLibrary() {
    SeccompPolicy policy = SeccompPolicy.builtIn();
    List<String> named =
        Stream.concat(policy.allowlist().rules().stream(), policy.guard().rules().stream())
            .map(Rule::syscall)
            .toList();

    SeccompFilters filters = SeccompFilters.compile(policy, dir);

    // Which ones depends on the libseccomp build (Debian 12's knows Linux 6.7); the core ones
    // never.
    assertThat(filters.unknownSyscalls())
        .isSorted()
        .doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(named).contains(name))
        .doesNotContain("read", "clone", "socket", "ioctl", "personality", "io_uring_setup");
  }

  @Test
  void concurrentCompilationsIntoOneDirectoryLeaveWholeFiles() throws Exception {
    long expected = Files.size(SeccompFilters.compileDefault(dir.resolve("reference")).allowlist());
    Path shared = dir.resolve("shared");

    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<SeccompFilters>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(executor.submit(() -> SeccompFilters.compileDefault(shared)));
      }
      for (Future<SeccompFilters> run : runs) {
        assertThat(Files.size(run.get().allowlist())).isEqualTo(expected);
      }
    }
    try (var files = Files.list(shared)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void anUnwritableDirectoryIsAWriteFailureNamingIt() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> SeccompFilters.compileDefault(notADirectory))
        .isInstanceOfSatisfying(
            SeccompException.class,
            e -> assertThat(e.code()).isEqualTo(SeccompException.Code.WRITE_FAILED))
        .hasMessageContaining(notADirectory.toString());
  }
}
