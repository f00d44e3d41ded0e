package dev.bulwark;

import dev.bulwark.internal.bwrap.BwrapTier;
import dev.bulwark.internal.runtime.Runtimes;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
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
 * the isolation tier can enforce here, then each runtime, then a real sandbox, so a green doctor
 * means a working engine.
 */
public final class Doctor {
  private Doctor() {}

  /** Every check, in order; never throws for what it finds. */
  public static List<HostCheck> run(EngineConfig config) {
    SandboxTier tier = new BwrapTier(config);
    List<HostCheck> checks = new ArrayList<>(tier.checkHost());
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
    checks.addAll(smokeTest(config, tier));
    return checks;
  }

  /** A real sandbox run, then each runner's parse of a known program, judged by its findings. */
  private static List<HostCheck> smokeTest(EngineConfig config, SandboxTier tier) {
    try (Engine engine = Engine.start(config, tier)) {
      ExecutionResult r = engine.execute(new Job("bash", "echo sandbox-ok", Profiles.STRICT));
      if (r.status() != Status.OK || !r.stdout().strip().equals("sandbox-ok")) {
        return List.of(
            new HostCheck(
                "sandbox",
                Level.FAIL,
                r.status() + ": " + r.reason() + " " + r.stderr().strip(),
                "see the checks above"));
      }
      return List.of(
          new HostCheck("sandbox", Level.OK, "a real sandbox ran in " + r.wallMs() + " ms", ""),
          parser(engine, "python", "import subprocess", "py.process", "apt-get install python3"),
          parser(
              engine,
              "javascript",
              "require('child_process')",
              "js.process",
              "apt-get install node-acorn"));
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
