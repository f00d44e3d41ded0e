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
  private SandboxProgram() {}

  /**
   * The command line inside the sandbox. A run that may connect and whose runtime has no runner
   * starts the egress forwarder first (it forks into the background once it listens, then the
   * program starts); a runner, or a session's agent, does both itself, once it sees the egress
   * socket.
   */
  public static List<String> argv(SandboxSpec spec, boolean egress) {
    List<String> argv = new ArrayList<>();
    if (forwarderFirst(spec, egress)) {
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
    argv.addAll(spec.command());
    return argv;
  }

  /**
   * The environment inside the sandbox: the engine's small base, the runtime's own, what the tier
   * adds for every sandbox ({@code extra}), and the proxy's variables when the forwarder starts
   * first.
   */
  public static Map<String, String> env(
      SandboxSpec spec, Map<String, String> extra, boolean egress) {
    Map<String, String> env = new LinkedHashMap<>(SandboxEnv.base());
    env.putAll(spec.runtime().env());
    env.putAll(extra);
    if (forwarderFirst(spec, egress)) {
      env.putAll(SandboxEnv.proxy());
    }
    return env;
  }

  private static boolean forwarderFirst(SandboxSpec spec, boolean egress) {
    return egress && !spec.runtime().hasRunner() && spec.kind() == SandboxSpec.Kind.PROGRAM;
  }
}
