package dev.bulwark.internal.layout;

import static dev.bulwark.spi.EngineHost.EGRESS_FORWARDER;

import dev.bulwark.spi.EgressSession;
import dev.bulwark.spi.EngineHost;
import dev.bulwark.spi.Program;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A run's code directory on the host, which every tier binds read-only at {@link
 * SandboxSpec#CODE_DIR}: the runtime's runner and what it imports, or a session's agent, kernel and
 * parser ({@link SandboxSpec#files()}, hard links to the engine's copies) from the start, then the
 * program, and the egress forwarder and the proxy's socket for a run that may connect. Bound rather
 * than copied in, so that the program can arrive after the sandbox started.
 */
public final class CodeDir {
  /** The egress proxy's socket, there only for a run that may connect (the runners look for it). */
  public static final String EGRESS_SOCKET = "proxy.sock";

  /**
   * The workspace step (a runtime support file, compiled with the Python runner), there for a job
   * with input files or artifacts (and always for a runtime whose runner files list it: Python's
   * runner sends its outputs through it): it places the files in the workspace and sends back the
   * artifacts, for every runtime. Runners load or start it themselves; a runtime without a runner
   * runs under it ({@link SandboxProgram#argv}).
   */
  public static final String WORKSPACE_STEP = "bulwark_workspace.pyc";

  private CodeDir() {}

  /** Makes {@code runDir/code} (0755) with the spec's files of the runners' directory in it. */
  public static Path create(Path runDir, SandboxSpec spec, Path runners) throws IOException {
    Path code = Files.createDirectory(runDir.resolve("code"));
    Files.setPosixFilePermissions(code, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String file : spec.files()) {
      Files.createLink(code.resolve(file), runners.resolve(file));
    }
    return code;
  }

  /**
   * Writes the program (read-only for all), links the workspace step when it carries files and,
   * when it may connect, links the forwarder and opens its egress proxy on the socket.
   *
   * @return the program's egress, or null when it has no network
   */
  public static EgressSession place(
      Path code, RuntimeDescriptor runtime, Program program, EngineHost host) throws IOException {
    Path file = code.resolve(runtime.fileName());
    Files.writeString(file, program.code(), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    if (program.carriesFiles() && !runtime.runnerFiles().contains(WORKSPACE_STEP)) {
      Files.createLink(code.resolve(WORKSPACE_STEP), host.runners().resolve(WORKSPACE_STEP));
    }
    if (program.networkAllow().isEmpty()) {
      return null;
    }
    Files.createLink(code.resolve(EGRESS_FORWARDER), host.runners().resolve(EGRESS_FORWARDER));
    return host.openEgress(code.resolve(EGRESS_SOCKET), program.networkAllow());
  }
}
