package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.policy.Evaluation;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.Summary;
import dev.bulwark.policy.Validator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "validation",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the validation layer on a generated 1,000-line program per language, or with"
          + " --evaluation its quality on labelled programs.",
      "Parse: the runner parsing it in a fresh sandbox, sandbox start included (ms). Decode: the"
          + " host reading the runner's summary (us). Rules: the Java rules and the policy over"
          + " that summary (us)."
    })
final class ValidationBench implements Callable<Integer> {
  static final int LINES = 1000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--parses",
      defaultValue = "30",
      description = "Sandboxed parses per language (default ${DEFAULT-VALUE}).")
  int parses;

  @Option(
      names = "--iterations",
      defaultValue = "5000",
      description =
          "Measured rule runs per language, after as many warm-up runs (default ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--evaluation",
      paramLabel = "DIR",
      description =
          "Instead of the speed figures: judge the labelled programs under DIR"
              + " (<label>/<group>/<file>, label benign or hostile) with standard and strict, and"
              + " print deny-recall, flag-or-deny recall, benign denied and flagged, with 95%%"
              + " intervals. The project's sets: bulwark-core/src/test/resources/evaluation and"
              + " evaluation-fresh.")
  Path evaluation;

  @Option(
      names = "--allow-domain",
      paramLabel = "HOST",
      split = ",",
      defaultValue = "api.example.com,data.example.org,*.githubusercontent.com",
      description =
          "Hosts the policies allow during --evaluation (default: the hosts the project's sets"
              + " are written against, ${DEFAULT-VALUE}).")
  List<String> allowDomains;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() {
    if (parses < 5 || iterations < 100) {
      throw new IllegalArgumentException(
          "--parses must be at least 5 and --iterations at least 100");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (evaluation != null) {
      return evaluate(out);
    }
    Policy policy = Policies.standard().withAllowedHosts(List.of("api.example.com"));
    out.printf("%-11s %-7s %10s %10s %10s%n", "language", "stage", "p50", "p95", "p99");
    try (Engine engine = engineOptions.start(spec.commandLine().getErr())) {
      for (String language : List.of("python", "javascript")) {
        String code = language.equals("python") ? python() : javascript();
        long[] parse = new long[parses];
        Summary summary = null;
        for (int i = 0; i < parses; i++) {
          long t = System.nanoTime();
          summary = engine.summarise(language, code);
          parse[i] = System.nanoTime() - t;
        }
        byte[] frame = dev.bulwark.model.Json.mapper().writeValueAsBytes(summary);
        long[] decode = new long[iterations];
        long[] rules = new long[iterations];
        int findings = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
          for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            Summary s = Summary.parse(frame);
            long decoded = System.nanoTime();
            findings = Validator.validate(language, code, s, policy).findings().size();
            decode[i] = decoded - t;
            rules[i] = System.nanoTime() - decoded;
          }
        }
        row(out, language, "parse", parse, 1, "ms");
        row(out, language, "decode", decode, 1e3, "us");
        row(out, language, "rules", rules, 1e3, "us");
        out.printf(
            "%-11s %d lines, summary %d bytes, %d findings%n",
            language, code.lines().count(), frame.length, findings);
      }
    }
    out.flush();
    return 0;
  }

  private int evaluate(PrintWriter out) {
    if (!Files.isDirectory(evaluation)) {
      throw new IllegalArgumentException("--evaluation: " + evaluation + " is not a directory");
    }
    try (Engine engine = engineOptions.start(spec.commandLine().getErr())) {
      List<Evaluation.Program> programs = Evaluation.load(evaluation, engine::summarise);
      out.print(
          Evaluation.report(
              programs,
              List.of(
                  Policies.standard().withAllowedHosts(allowDomains),
                  Policies.builtIn("strict").withAllowedHosts(allowDomains))));
    }
    out.flush();
    return 0;
  }

  /** One stage's p50/p95/p99, in {@code unit} (BenchCommand's percentiles are milliseconds). */
  private static void row(
      PrintWriter out, String language, String stage, long[] nanos, double perMs, String unit) {
    double[] p = BenchCommand.percentiles(nanos);
    out.printf(
        "%-11s %-7s %7.1f %s %7.1f %s %7.1f %s%n",
        language, stage, p[0] * perMs, unit, p[1] * perMs, unit, p[2] * perMs, unit);
  }

  /** Typical agent code, 25 lines a block: data wrangling, classes, formatting, one HTTP call. */
  static String python() {
    StringBuilder s =
        new StringBuilder(
            """
            import json
            import re
            import statistics
            from collections import Counter
            import requests
            """);
    for (int i = 0; s.toString().lines().count() + 25 <= LINES; i++) {
      s.append(
          """
          class Record%1$d:
              def __init__(self, name, values):
                  self.name = name
                  self.values = list(values)

              def __repr__(self):
                  return f"{type(self).__name__}({self.name!r}, n={len(self.values)})"

              def summary(self):
                  return {"mean": statistics.mean(self.values), "max": max(self.values)}


          def load_%1$d(text):
              rows = [line.split(",") for line in text.splitlines() if line.strip()]
              counts = Counter(r[0] for r in rows)
              words = re.findall(r"[a-z]+", text.lower())
              data = json.loads(json.dumps({"rows": rows, "words": words[:10]}))
              if len(rows) > %1$d:
                  reply = requests.get("https://api.example.com/v1/items/%1$d", timeout=5)
                  data["remote"] = reply.json()
              return Record%1$d("block-%1$d", [len(r) for r in rows]), counts, data

          print(load_%1$d("a,b\\nc,d\\n")[0])

          """
              .formatted(i));
    }
    while (s.toString().lines().count() < LINES) {
      s.append("pass\n");
    }
    return s.toString();
  }

  /** The same kind of program in JavaScript. */
  static String javascript() {
    StringBuilder s =
        new StringBuilder(
            "'use strict';\nconst fs = require('fs');\nconst path = require('path');\n");
    for (int i = 0; s.toString().lines().count() + 25 <= LINES; i++) {
      s.append(
          """
          class Record%1$d {
            constructor(name, values) {
              this.name = name;
              this.values = [...values];
            }
            toString() {
              return `Record%1$d(${this.name}, n=${this.values.length})`;
            }
            summary() {
              const sum = this.values.reduce((a, b) => a + b, 0);
              return { mean: sum / this.values.length, max: Math.max(...this.values) };
            }
          }

          async function load%1$d(text) {
            const rows = text.split('\\n').filter(l => l.trim()).map(l => l.split(','));
            const counts = new Map();
            for (const r of rows) counts.set(r[0], (counts.get(r[0]) || 0) + 1);
            if (rows.length > %1$d) {
              const res = await fetch('https://api.example.com/v1/items/%1$d');
              counts.set('remote', (await res.json()).length);
            }
            return [new Record%1$d(path.join('/work', 'b%1$d'), rows.map(r => r.length)), counts];
          }
          load%1$d('a,b\\nc,d\\n').then(([r]) => console.log(String(r)));
          """
              .formatted(i));
    }
    while (s.toString().lines().count() < LINES) {
      s.append(";\n");
    }
    return s.toString();
  }
}
