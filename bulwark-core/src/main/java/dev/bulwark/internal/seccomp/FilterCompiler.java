package dev.bulwark.internal.seccomp;

import dev.bulwark.internal.seccomp.SeccompException.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Turns one {@link FilterSpec} into a BPF file with libseccomp. */
final class FilterCompiler {

  /** libseccomp's binary-tree syscall dispatch: a few comparisons instead of one per syscall. */
  private static final int OPTIMIZE_BINARY_TREE = 2;

  private FilterCompiler() {}

  /**
   * Compiles {@code spec} and atomically replaces {@code target} with the BPF program.
   *
   * @return the syscall names libseccomp could not resolve on this architecture, in policy order;
   *     their rules were skipped (for the allowlist that leaves them at the default, ENOSYS)
   */
  static List<String> compile(FilterSpec spec, Path target) {
    List<String> unknown = new ArrayList<>();
    LibSeccomp lib = LibSeccomp.get();
    try (LibSeccomp.Filter filter = lib.newFilter(spec.name(), spec.defaultAction())) {
      filter.setAttribute(
          LibSeccomp.ATTR_ACT_BADARCH, spec.badArchAction().encode(), "bad-arch action");
      filter.setAttribute(LibSeccomp.ATTR_CTL_OPTIMIZE, OPTIMIZE_BINARY_TREE, "optimisation level");
      for (Rule rule : spec.rules()) {
        // A rule that repeats the default documents a decision (clone3 -> ENOSYS) but adds
        // nothing to the program, and libseccomp refuses it.
        if (rule.action().equals(spec.defaultAction())) {
          continue;
        }
        int number = lib.resolve(rule.syscall());
        if (number < 0) {
          if (!unknown.contains(rule.syscall())) {
            unknown.add(rule.syscall());
          }
          continue;
        }
        filter.addRule(rule, number);
      }
      writeAtomically(filter, target);
    }
    return unknown;
  }

  /**
   * Readers (bwrap, another engine) only ever see a complete file: it is written under a temporary
   * name in the same directory, then renamed over the target.
   */
  private static void writeAtomically(LibSeccomp.Filter filter, Path target) {
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    Path temporary = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
    try {
      filter.exportBpf(temporary);
      // open() applied the umask; the filter must stay readable by the unprivileged sandbox user.
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw discard(
          temporary,
          new SeccompException(
              Code.WRITE_FAILED, "cannot write " + target + ": " + e.getMessage(), e));
    } catch (RuntimeException e) {
      throw discard(temporary, e);
    }
  }

  /** Removes the half-written temporary file; a failure to do so rides along with the cause. */
  private static RuntimeException discard(Path temporary, RuntimeException failure) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
    return failure;
  }
}
