package dev.bulwark.internal.layout;

import static dev.bulwark.spi.EngineHost.EGRESS_FORWARDER;

import dev.bulwark.spi.SandboxSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process a sandbox starts, whatever the tier: the runtime's command on the program at {@link
 * SandboxSpec#CODE_DIR}, or a session's agent ({@link SandboxSpec#command()}), and its environment.
 */
public final class SandboxProgram {
  /**
   * What the start of a program's sandbox depends on besides its spec.
   *
   * @param egress the run may connect through the egress proxy
   * @param files the job has input files or artifacts
   */
  public record Start(boolean egress, boolean files) {
    /** A warm sandbox's start, before its program exists, or a plain job's. */
    public static final Start PLAIN = new Start(false, false);
  }

  private SandboxProgram() {}

  /**
   * The command line inside the sandbox. A runtime without a runner needs help a runner gives
   * itself, and a plain job pays for none of it: a run that may connect starts the egress forwarder
   * first (it forks into the background once it listens, then the program starts); a job with files
   * or artifacts runs under the workspace step, which places the files, runs the program and sends
   * the artifacts. A runner, or a session's agent, does both itself.
   */
  public static List<String> argv(SandboxSpec spec, Start start) {
    List<String> argv = new ArrayList<>();
    if (helped(spec) && start.egress()) {
      argv.addAll(
          List.of(
              "/bin/sh",
              "-c",
              "/usr/bin/python3 -I -S "
                  + SandboxSpec.CODE_DIR
                  + "/"
                  + EGRESS_FORWARDER
                  + " && exec \"$@\"",
              "sh"));
    }
    if (helped(spec) && start.files()) {
      argv.addAll(
          List.of(
              "/usr/bin/python3",
              "-I",
              "-S",
              "-X",
              "utf8",
              SandboxSpec.CODE_DIR + "/" + CodeDir.WORKSPACE_STEP,
              "wrap"));
    }
    argv.addAll(spec.command());
    return argv;
  }

  /**
   * The environment inside the sandbox: the engine's small base, the runtime's own, what the tier
   * adds for every sandbox ({@code extra}), and the proxy's variables when the forwarder starts
   * first.
   */
  public static Map<String, String> env(SandboxSpec spec, Map<String, String> extra, Start start) {
    Map<String, String> env = new LinkedHashMap<>(SandboxEnv.base());
    env.putAll(spec.runtime().env());
    env.putAll(extra);
    if (helped(spec) && start.egress()) {
      env.putAll(SandboxEnv.proxy());
    }
    return env;
  }

  /** A program without a runner: the start does what a runner would do for itself. */
  private static boolean helped(SandboxSpec spec) {
    return !spec.runtime().hasRunner() && spec.kind() == SandboxSpec.Kind.PROGRAM;
  }
}
