package dev.bulwark.internal.seccomp;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a real bubblewrap sandbox with both filters stacked, the way the engine will:
 * Java's ProcessBuilder closes every descriptor above 2, so a {@code sh -c} prefix opens the BPF
 * files as fds 3 and 4 and then execs bwrap. {@link #unfiltered()} runs the same sandbox without
 * filters, as a control.
 */
final class FilteredSandbox {

  static final Path BWRAP = Path.of("/usr/bin/bwrap");

  private static final String OPEN_FILTERS_THEN_EXEC =
      "allow=$1 guard=$2; shift 2;"
          + " exec bwrap --add-seccomp-fd 3 --add-seccomp-fd 4 \"$@\" 3<\"$allow\" 4<\"$guard\"";

  /** The smallest sandbox that runs python3, node and bash from the host's /usr. */
  private static final List<String> SANDBOX =
      List.of(
          """
          --unshare-all --die-with-parent --new-session
          --ro-bind /usr /usr
          --symlink usr/bin /bin --symlink usr/lib /lib --symlink usr/lib64 /lib64
          --symlink usr/sbin /sbin
          --proc /proc --dev /dev --tmpfs /tmp
          --ro-bind /etc/ld.so.cache /etc/ld.so.cache
          --clearenv --setenv PATH /usr/bin:/bin
          """
              .strip()
              .split("\\s+"));

  private static final long TIMEOUT_SECONDS = 30;

  /** Exit code 128 + SIGSYS: what bwrap reports when seccomp killed the payload. */
  static final int KILLED_BY_SIGSYS = 128 + 31;

  record Outcome(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  private final SeccompFilters filters;

  private FilteredSandbox(SeccompFilters filters) {
    this.filters = filters;
  }

  static FilteredSandbox with(SeccompFilters filters) {
    return new FilteredSandbox(filters);
  }

  static FilteredSandbox unfiltered() {
    return new FilteredSandbox(null);
  }

  /** Runs {@code command} in a fresh sandbox with {@code env} set, stdin from /dev/null. */
  Outcome run(List<String> env, String... command) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    if (filters == null) {
      argv.add(BWRAP.toString());
    } else {
      argv.addAll(List.of("sh", "-c", OPEN_FILTERS_THEN_EXEC, "sh"));
      argv.add(filters.allowlist().toString());
      argv.add(filters.guard().toString());
    }
    argv.addAll(SANDBOX);
    for (int i = 0; i + 1 < env.size(); i += 2) {
      argv.addAll(List.of("--setenv", env.get(i), env.get(i + 1)));
    }
    argv.add("--");
    argv.addAll(List.of(command));

    Path stdout = Files.createTempFile("bulwark-seccomp-", ".out");
    Path stderr = Files.createTempFile("bulwark-seccomp-", ".err");
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectInput(new File("/dev/null"))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("sandbox still running after %d s: %s", TIMEOUT_SECONDS, argv);
      }
      return new Outcome(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  Outcome run(String... command) throws IOException, InterruptedException {
    return run(List.of(), command);
  }
}
