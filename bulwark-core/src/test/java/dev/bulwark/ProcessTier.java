package dev.bulwark;

import dev.bulwark.internal.host.StateDir;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.spi.EngineHost;
import dev.bulwark.spi.Exit;
import dev.bulwark.spi.HostCheck;
import dev.bulwark.spi.Program;
import dev.bulwark.spi.Sandbox;
import dev.bulwark.spi.SandboxBackend;
import dev.bulwark.spi.SandboxSpec;
import dev.bulwark.spi.SandboxTier;
import dev.bulwark.spi.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only tier that isolates nothing: each "sandbox" is the runtime's command as a plain child
 * process of the engine, in a directory of its own. It proves the backend SPI's seam (the engine's
 * lifecycle, pools and classification work with any tier) and must never run untrusted code.
 */
final class ProcessTier implements SandboxTier {
  static final String NAME = "process";

  /** Sandboxes prepared and programs handed off, for tests to judge what reached the tier. */
  final AtomicInteger prepared = new AtomicInteger();

  final AtomicInteger handedOff = new AtomicInteger();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<HostCheck> checkHost() {
    return List.of(new HostCheck("processes", HostCheck.Level.WARN, "no isolation", "tests only"));
  }

  @Override
  public SandboxBackend open(EngineHost host) {
    return new Backend(host);
  }

  private final class Backend implements SandboxBackend {
    private final EngineHost host;
    private final AtomicInteger sequence = new AtomicInteger();

    Backend(EngineHost host) {
      this.host = host;
    }

    @Override
    public String tier() {
      return NAME;
    }

    @Override
    public List<String> warnings() {
      return List.of("TEST ONLY: programs run unisolated");
    }

    @Override
    public int recover() {
      return 0; // its directories are the engine's, which the engine's start sweeps
    }

    @Override
    public Sandbox prepare(SandboxSpec spec) throws IOException {
      prepared.incrementAndGet();
      Path dir = Files.createDirectory(host.directory().resolve("p" + sequence.incrementAndGet()));
      for (String file : spec.files()) {
        Files.copy(host.runners().resolve(file), dir.resolve(file));
      }
      return new ProcessSandbox(spec, dir);
    }

    @Override
    public void restock() {}

    @Override
    public void close() {}
  }

  private final class ProcessSandbox implements Sandbox {
    private final SandboxSpec spec;
    private final Path dir;
    private Process process;
    private long startedNanos;
    private long handedOffNanos;

    ProcessSandbox(SandboxSpec spec, Path dir) {
      this.spec = spec;
      this.dir = dir;
    }

    @Override
    public String name() {
      return "process-" + dir.getFileName();
    }

    @Override
    public void start() throws IOException {
      List<String> command =
          spec.runtime().commandFor(dir.resolve(spec.runtime().fileName()).toString());
      startedNanos = System.nanoTime();
      process = new ProcessBuilder(command).directory(dir.toFile()).start();
    }

    @Override
    public void handOff(Program program) throws IOException {
      handedOff.incrementAndGet();
      Files.writeString(
          dir.resolve(spec.runtime().fileName()), program.code(), StandardCharsets.UTF_8);
      if (process == null) {
        start();
      }
      handedOffNanos = System.nanoTime();
    }

    @Override
    public OutputStream stdin() {
      return process.getOutputStream();
    }

    @Override
    public InputStream stdout() {
      return process.getInputStream();
    }

    @Override
    public InputStream stderr() {
      return process.getErrorStream();
    }

    @Override
    public boolean alive() {
      return process != null && process.isAlive();
    }

    @Override
    public long ageNanos() {
      return process == null ? 0 : System.nanoTime() - startedNanos;
    }

    @Override
    public long handedOffNanos() {
      return handedOffNanos;
    }

    @Override
    public long cpuNanos() {
      return 0;
    }

    @Override
    public Usage usage() {
      return new Usage(0, 0, 0, 0);
    }

    @Override
    public Exit awaitExit() {
      try {
        return new Exit(true, process.waitFor());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Exit(false, -1);
      }
    }

    @Override
    public void kill() {
      if (process != null) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }

    @Override
    public void killAll() {
      kill();
    }

    @Override
    public List<NetworkAttempt> closeNetwork() {
      return List.of();
    }

    @Override
    public void close() {
      kill();
      StateDir.deleteTree(dir);
    }
  }
}
