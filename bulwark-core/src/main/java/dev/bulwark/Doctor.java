package dev.bulwark;

import dev.bulwark.internal.bwrap.BwrapTier;
import dev.bulwark.internal.gvisor.GvisorTier;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import dev.bulwark.model.TierDescription;
import dev.bulwark.policy.Policies;
import dev.bulwark.spi.HostCheck;
import dev.bulwark.spi.HostCheck.Level;
import dev.bulwark.spi.RuntimeDescriptor;
import dev.bulwark.spi.SandboxTier;
import dev.bulwark.spi.SandboxUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that this host can run sandboxes safely, and says how to fix what it cannot: first what
 * each isolation tier can enforce here, then each runtime, then a real sandbox of each tier that
 * can run, so a green doctor means a working engine. The gVisor tier is optional: a host without
 * {@code runsc} gets a warning, not a failure.
 */
public final class Doctor {
  private Doctor() {}

  /** Every check, in order; never throws for what it finds. */
  public static List<HostCheck> run(EngineConfig config) {
    List<SandboxTier> tiers = List.of(new BwrapTier(config), new GvisorTier(config));
    List<HostCheck> checks = new ArrayList<>();
    tiers.forEach(t -> checks.addAll(t.checkHost()));
    Runtimes runtimes = Runtimes.builtIn();
    for (RuntimeDescriptor d : runtimes.all()) {
      try {
        checks.add(
            new HostCheck(
                "runtime " + d.name(),
                Level.OK,
                d.command().getFirst() + " " + runtimes.info(d).version(),
                ""));
      } catch (IllegalStateException e) {
        checks.add(
            new HostCheck(
                "runtime " + d.name(), Level.FAIL, e.getMessage(), installHint(d.name())));
      }
    }
    checks.addAll(smokeTest(config, tiers));
    return checks;
  }

  /**
   * A real sandbox run of the default tier, then each runner's parse of a known program, judged by
   * its findings; then a real sandbox of each other tier that can run here.
   */
  private static List<HostCheck> smokeTest(EngineConfig config, List<SandboxTier> tiers) {
    try (Engine engine = Engine.start(config, tiers)) {
      HostCheck sandbox = sandbox(engine, null, "sandbox");
      if (sandbox.level() != Level.OK) {
        return List.of(sandbox);
      }
      List<HostCheck> checks = new ArrayList<>();
      checks.add(sandbox);
      checks.add(
          parser(engine, "python", "import subprocess", "py.process", "apt-get install python3"));
      checks.add(
          parser(
              engine,
              "javascript",
              "require('child_process')",
              "js.process",
              "apt-get install node-acorn"));
      for (TierDescription tier : engine.describeIsolation()) {
        if (tier.available() && !tier.name().equals(Isolation.BUBBLEWRAP.tierName())) {
          checks.add(sandbox(engine, Isolation.named(tier.name()), tier.name() + " sandbox"));
        }
      }
      return checks;
    } catch (SandboxUnavailableException e) {
      return List.of(
          new HostCheck(
              "sandbox",
              Level.FAIL,
              "engine refused to start: " + String.join("; ", e.problems()),
              "fix the checks above"));
    } catch (RuntimeException e) {
      return List.of(
          new HostCheck(
              "sandbox", Level.FAIL, String.valueOf(e.getMessage()), "see the checks above"));
    }
  }

  /** A real sandbox of {@code isolation} (null: the default tier) echoes a word. */
  private static HostCheck sandbox(Engine engine, Isolation isolation, String name) {
    ExecutionResult r =
        engine.execute(
            new Job("bash", "echo sandbox-ok", Profiles.STRICT).withIsolation(isolation));
    if (r.status() != Status.OK || !r.stdout().strip().equals("sandbox-ok")) {
      return new HostCheck(
          name,
          Level.FAIL,
          r.status() + ": " + r.reason() + " " + r.stderr().strip(),
          "see the checks above");
    }
    return new HostCheck(name, Level.OK, "a real sandbox ran in " + r.wallMs() + " ms", "");
  }

  /** The validation layer of one language: its runner parses a program and a rule finds it. */
  private static HostCheck parser(
      Engine engine, String language, String code, String expectedRule, String fix) {
    String name = "validation " + language;
    try {
      boolean found =
          engine.validate(language, code, Policies.standard()).findings().stream()
              .anyMatch(f -> f.ruleId().equals(expectedRule));
      return found
          ? new HostCheck(name, Level.OK, "parsed in the sandbox; " + expectedRule + " found", "")
          : new HostCheck(name, Level.FAIL, "the parser ran but found nothing in: " + code, fix);
    } catch (RuntimeException e) {
      return new HostCheck(name, Level.FAIL, String.valueOf(e.getMessage()), fix);
    }
  }

  private static String installHint(String runtime) {
    return switch (runtime) {
      case "python" -> "apt-get install python3";
      case "javascript" -> "apt-get install nodejs node-acorn";
      case "bash" -> "apt-get install bash";
      default -> "install the runtime's interpreter";
    };
  }
}
