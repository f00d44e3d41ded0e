package dev.bulwark.internal.seccomp;

import dev.bulwark.internal.seccomp.SeccompException.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Both compiled filters of one policy, as BPF files ready to be opened as file descriptors for
 * {@code bwrap --add-seccomp-fd}. Pass the allowlist first and the guard second: bwrap installs
 * them in that order, and when both filters return an errno the kernel reports the one of the
 * filter installed last, so the guard's more precise errnos (EPERM, EAFNOSUPPORT) win over the
 * allowlist's ENOSYS.
 *
 * <p>Compiling is thread-safe; concurrent compilations into the same directory each replace the
 * files atomically, so a reader sees one complete program or the other.
 *
 * @param allowlist filter 1: named syscalls only, everything else ENOSYS, foreign ABIs killed
 * @param guard filter 2: allows by default, refines argument checks the allowlist cannot express
 * @param unknownSyscalls syscalls the policy names that this libseccomp does not know (newer than
 *     the library); their rules were skipped, which leaves them at ENOSYS in the allowlist
 */
public record SeccompFilters(Path allowlist, Path guard, List<String> unknownSyscalls) {

  static final String ALLOWLIST_FILE = "allowlist.bpf";
  static final String GUARD_FILE = "guard.bpf";

  public SeccompFilters {
    Objects.requireNonNull(allowlist, "allowlist");
    Objects.requireNonNull(guard, "guard");
    unknownSyscalls = List.copyOf(unknownSyscalls);
  }

  /**
   * Compiles the built-in default policy into {@code dir} (created if missing) as {@code
   * allowlist.bpf} and {@code guard.bpf}, mode 0644. Blocks for a few milliseconds.
   *
   * @throws SeccompException when libseccomp is missing or refuses a rule, or the directory cannot
   *     be written; the message says what to fix
   */
  public static SeccompFilters compileDefault(Path dir) {
    return compile(SeccompPolicy.builtIn(), dir);
  }

  /** Same as {@link #compileDefault(Path)} for any policy (an operator's, or a test's). */
  public static SeccompFilters compile(SeccompPolicy policy, Path dir) {
    Objects.requireNonNull(policy, "policy");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SeccompException(
          Code.WRITE_FAILED, "cannot create the seccomp directory " + dir + ": " + e, e);
    }
    Path allowlist = dir.resolve(ALLOWLIST_FILE);
    Path guard = dir.resolve(GUARD_FILE);
    List<String> unknown =
        Stream.concat(
                FilterCompiler.compile(policy.allowlist(), allowlist).stream(),
                FilterCompiler.compile(policy.guard(), guard).stream())
            .distinct()
            .sorted()
            .toList();
    return new SeccompFilters(allowlist, guard, unknown);
  }
}
