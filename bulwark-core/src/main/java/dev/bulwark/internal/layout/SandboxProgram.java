package dev.bulwark.internal.layout;

import static dev.bulwark.spi.EngineHost.EGRESS_FORWARDER;

import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process a sandbox starts, whatever the tier: the runtime's command on the program at {@link
 * SandboxSpec#CODE_DIR}, and its environment.
 */
public final class SandboxProgram {
  private SandboxProgram() {}

  /**
   * The command line inside the sandbox. A run that may connect and whose runtime has no runner
   * starts the egress forwarder first (it forks into the background once it listens, then the
   * program starts); a runner does both itself, once it sees the egress socket.
   */
  public static List<String> argv(RuntimeDescriptor runtime, boolean egress) {
    List<String> argv = new ArrayList<>();
    if (forwarderFirst(runtime, egress)) {
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
    argv.addAll(runtime.commandFor(SandboxSpec.CODE_DIR + "/" + runtime.fileName()));
    return argv;
  }

  /**
   * The environment inside the sandbox: the engine's small base, the runtime's own, what the tier
   * adds for every sandbox ({@code extra}), and the proxy's variables when the forwarder starts
   * first.
   */
  public static Map<String, String> env(
      RuntimeDescriptor runtime, Map<String, String> extra, boolean egress) {
    Map<String, String> env = new LinkedHashMap<>(SandboxEnv.base());
    env.putAll(runtime.env());
    env.putAll(extra);
    if (forwarderFirst(runtime, egress)) {
      env.putAll(SandboxEnv.proxy());
    }
    return env;
  }

  private static boolean forwarderFirst(RuntimeDescriptor runtime, boolean egress) {
    return egress && !runtime.hasRunner();
  }
}
