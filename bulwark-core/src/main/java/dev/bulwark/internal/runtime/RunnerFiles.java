package dev.bulwark.internal.runtime;

import static dev.bulwark.spi.EngineHost.EGRESS_FORWARDER;

import dev.bulwark.spi.RuntimeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The runners of the built-in runtimes and the egress forwarder, written once per engine into a
 * directory that every sandbox uid can read and none can change; each sandbox links or binds its
 * runtime's runner from there.
 */
public final class RunnerFiles {
  private RunnerFiles() {}

  /**
   * Writes (and compiles, where a runtime says so) every runner into {@code dir}, which must not
   * exist, then makes it read-only.
   *
   * @throws IllegalStateException when a runner's compile step fails: no sandbox of its runtime
   *     could start
   */
  public static Path write(Path dir, Runtimes runtimes) {
    try {
      Files.createDirectory(dir);
      for (RuntimeDescriptor d : runtimes.all()) {
        if (d.hasRunner()) {
          Path file = dir.resolve(d.runner());
          try (InputStream in = Runtimes.runnerSource(d)) {
            Files.copy(in, file);
          }
          compile(d, file);
          for (String name : new LinkedHashSet<>(List.of(d.runner(), d.runnerFile()))) {
            if (Files.exists(dir.resolve(name))) {
              readOnly(dir.resolve(name), "r--r--r--");
            }
          }
        }
      }
      Path forwarder = dir.resolve(EGRESS_FORWARDER);
      try (InputStream in = RunnerFiles.class.getResourceAsStream(EGRESS_FORWARDER)) {
        Files.copy(Objects.requireNonNull(in, "the egress forwarder"), forwarder);
      }
      readOnly(forwarder, "r--r--r--");
      readOnly(dir, "r-xr-xr-x");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readOnly(Path path, String mode) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
  }

  /**
   * Runs the runtime's runner compile step, if it has one and its interpreter is installed (else
   * the runtime cannot run anyway, and says so per request).
   *
   * @throws IllegalStateException when the step fails: no sandbox of this runtime could start
   */
  private static void compile(RuntimeDescriptor d, Path source) throws IOException {
    List<String> command = d.runnerCompileFor(source.toString());
    if (command.isEmpty() || !Files.isExecutable(Path.of(command.getFirst()))) {
      return;
    }
    Process p =
        new ProcessBuilder(command)
            .directory(source.getParent().toFile())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    byte[] said = p.getInputStream().readNBytes(4096);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
    if (p.isAlive()
        || p.exitValue() != 0
        || !Files.isRegularFile(source.resolveSibling(d.runnerFile()))) {
      throw new IllegalStateException(
          d.name()
              + ": cannot compile its runner with "
              + String.join(" ", command)
              + ": "
              + new String(said, StandardCharsets.UTF_8).strip());
    }
  }
}
