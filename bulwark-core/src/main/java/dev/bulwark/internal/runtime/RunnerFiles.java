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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The runners of the built-in runtimes, the files they use besides (the sessions' agent and
 * kernels, the display module: {@code support.list}) and the egress forwarder, written once per
 * engine into a directory that every sandbox uid can read and none can change; each sandbox links
 * or binds what it needs from there.
 */
public final class RunnerFiles {
  private RunnerFiles() {}

  /**
   * Writes (and compiles, where a runtime says so) every runner and support file into {@code dir},
   * which must not exist, then makes it read-only. A runtime's compile step compiles its runner and
   * the support files of the same kind (a Python runner: every {@code .py}) in one go.
   *
   * @throws IllegalStateException when a compile step fails: no sandbox of its runtime could start
   */
  public static Path write(Path dir, Runtimes runtimes) {
    try {
      Files.createDirectory(dir);
      List<String> support = Runtimes.supportFiles();
      for (String name : support) {
        try (InputStream in = Runtimes.support(name)) {
          Files.copy(in, dir.resolve(name));
        }
      }
      for (RuntimeDescriptor d : runtimes.all()) {
        if (d.hasRunner()) {
          Path file = dir.resolve(d.runner());
          try (InputStream in = Runtimes.runnerSource(d)) {
            Files.copy(in, file);
          }
          String kind = d.runner().substring(d.runner().lastIndexOf('.'));
          List<Path> sources = new ArrayList<>(List.of(file));
          support.stream().filter(n -> n.endsWith(kind)).map(dir::resolve).forEach(sources::add);
          compile(d, sources);
        }
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          readOnly(file, "r--r--r--");
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
   * Runs the runtime's runner compile step on {@code sources}, the runner first, if it has one and
   * its interpreter is installed (else the runtime cannot run anyway, and says so per request).
   *
   * @throws IllegalStateException when the step fails: no sandbox of this runtime could start
   */
  private static void compile(RuntimeDescriptor d, List<Path> sources) throws IOException {
    List<String> command = new ArrayList<>();
    for (String arg : d.runnerCompileFor(RuntimeDescriptor.RUNNER_PLACEHOLDER)) {
      if (arg.equals(RuntimeDescriptor.RUNNER_PLACEHOLDER)) {
        sources.forEach(source -> command.add(source.toString()));
      } else {
        command.add(arg);
      }
    }
    if (command.isEmpty() || !Files.isExecutable(Path.of(command.getFirst()))) {
      return;
    }
    Path runner = sources.getFirst();
    Process p =
        new ProcessBuilder(command)
            .directory(runner.getParent().toFile())
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
        || !Files.isRegularFile(runner.resolveSibling(d.runnerFile()))) {
      throw new IllegalStateException(
          d.name()
              + ": cannot compile its runner with "
              + String.join(" ", command)
              + ": "
              + new String(said, StandardCharsets.UTF_8).strip());
    }
  }
}
