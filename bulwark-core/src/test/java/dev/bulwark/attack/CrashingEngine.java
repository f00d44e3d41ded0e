package dev.bulwark.attack;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.model.TierDescription;

/**
 * A separate JVM that starts a sandbox of each tier that runs here and waits to be killed with
 * SIGKILL (TeardownTest).
 */
public final class CrashingEngine {
  private CrashingEngine() {}

  public static void main(String[] args) throws Exception {
    Engine engine = Engine.start(EngineConfig.defaults());
    Job job = new Job("bash", "exec -a " + args[0] + "-sandboxed sleep 300", TestEngine.LIMITS);
    for (TierDescription tier : engine.describeIsolation()) {
      if (tier.available()) {
        engine.submit(job.withIsolation(Isolation.named(tier.name())));
      }
    }
    Thread.sleep(600_000);
  }
}
