package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Requests;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Json;
import dev.bulwark.model.Outcome;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.Validation;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a program against a policy without running it: the runtime's own parser reads it"
          + " in a sandbox, and the policy's rules explain every finding.",
      "Output is linter style (file:line:col: OUTCOME rule message), or one JSON object with"
          + " --json, or SARIF 2.1.0 with --sarif."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      "0:allowed or flagged: the program would run",
      "1:denied",
      ExitCode.HELP_USAGE,
      ExitCode.HELP_ENVIRONMENT
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProgramOptions program;

  @Mixin PolicyOptions policy;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "Print {\"outcome\", \"findings\"} as one JSON object.")
    boolean json;

    @Option(names = "--sarif", description = "Print a SARIF 2.1.0 log for code-scanning tools.")
    boolean sarif;
  }

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() throws IOException {
    String language = program.language(); // before stdin is read
    Policy chosen = policy.resolve();
    String code =
        program.code(Main.stdio(spec), program.capped(Requests.Ceiling.unbounded(chosen)));
    Validation v;
    try (Engine engine = engineOptions.start(spec.commandLine().getErr())) {
      v = engine.validate(language, code, chosen);
    }
    PrintWriter out = spec.commandLine().getOut();
    String name = program.name();
    if (format.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("outcome", v.outcome());
      doc.put("policy", chosen.name());
      doc.put("findings", v.findings());
      if (v.syntaxError() != null) {
        doc.put("syntaxError", v.syntaxError());
      }
      out.println(Json.write(doc));
    } else if (format.sarif) {
      out.println(Json.write(Sarif.log(name, v, chosen)));
    } else {
      lint(out, name, v, chosen);
    }
    out.flush();
    return v.outcome() == Outcome.DENY ? 1 : 0;
  }

  private static void lint(PrintWriter out, String name, Validation v, Policy policy) {
    if (v.syntaxError() != null) {
      out.printf(
          "%s:%d:%d: syntax error: %s (the program fails when it runs)%n",
          name, v.syntaxError().line(), v.syntaxError().col(), v.syntaxError().message());
    }
    long denied = 0;
    for (Finding f : v.findings()) {
      denied += f.outcome() == Outcome.DENY ? 1 : 0;
      out.printf(
          "%s:%d:%d: %s %s [%s] %s%n",
          name, f.line(), f.column(), f.outcome(), f.ruleId(), f.severity(), f.message());
      if (!f.snippet().isEmpty()) {
        out.println("    " + f.snippet());
      }
      out.println("    fix: " + f.remediation());
    }
    out.printf(
        "%s: %s under policy '%s' (%d findings, %d denying)%n",
        name, v.outcome(), policy.name(), v.findings().size(), denied);
  }
}
