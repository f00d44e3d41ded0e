package dev.bulwark.attack;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Job;

/** A separate JVM that starts a sandbox and waits to be killed with SIGKILL (TeardownTest). */
public final class CrashingEngine {
  private CrashingEngine() {}

  public static void main(String[] args) throws Exception {
    Engine engine = Engine.start(EngineConfig.defaults());
    engine.submit(
        new Job("bash", "exec -a " + args[0] + "-sandboxed sleep 300", TestEngine.LIMITS));
    Thread.sleep(600_000);
  }
}
