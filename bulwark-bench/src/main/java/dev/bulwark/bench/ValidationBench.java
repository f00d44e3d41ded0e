package dev.bulwark.bench;

import dev.bulwark.Engine;
import dev.bulwark.internal.validation.Evaluation;
import dev.bulwark.internal.validation.Summary;
import dev.bulwark.internal.validation.Validator;
import dev.bulwark.model.Json;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The validation layer on a 1,000-line program per language ({@link Programs}), in three stages:
 * the runner parsing it in a fresh sandbox, sandbox start included; the host decoding the runner's
 * summary; the Java rules and the policy over that summary. {@code bulwark bench validation} is its
 * front; {@code ValidationRulesBenchmark} measures the last two under JMH. It also judges the
 * layer's quality on labelled programs ({@link #evaluate}).
 */
public final class ValidationBench {
  /** The policy of every run: standard, with the programs' one API host allowed. */
  static final Policy POLICY = Policies.standard().withAllowedHosts(List.of("api.example.com"));

  /**
   * How much to measure.
   *
   * @param parses sandboxed parses per language, at least 5
   * @param iterations measured rule runs per language, after as many warm-up runs; at least 100
   */
  public record Settings(int parses, int iterations) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Settings {
      if (parses < 5 || iterations < 100) {
        throw new IllegalArgumentException(
            "--parses must be at least 5 and --iterations at least 100");
      }
    }
  }

  private ValidationBench() {}

  /** Measures each language on {@code engine}, printing a table to {@code out}. */
  public static void measure(Engine engine, Settings settings, PrintWriter out) {
    out.printf("%-11s %-7s %10s %10s %10s%n", "language", "stage", "p50", "p95", "p99");
    for (String language : List.of("python", "javascript")) {
      String code = Programs.of(language);
      long[] parse = new long[settings.parses()];
      Summary summary = null;
      for (int i = 0; i < parse.length; i++) {
        long t = System.nanoTime();
        summary = engine.summarise(language, code);
        parse[i] = System.nanoTime() - t;
      }
      byte[] frame = Json.mapper().writeValueAsBytes(summary);
      long[] decode = new long[settings.iterations()];
      long[] rules = new long[settings.iterations()];
      int findings = 0;
      for (int round = 0; round < 2; round++) { // the first round warms the JIT up
        for (int i = 0; i < decode.length; i++) {
          long t = System.nanoTime();
          Summary s = Summary.parse(frame);
          long decoded = System.nanoTime();
          findings = Validator.validate(language, code, s, POLICY).findings().size();
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
    out.flush();
  }

  /**
   * Judges the labelled programs under {@code sets} ({@code <label>/<group>/<file>}, label benign
   * or hostile) with the standard and strict policies, each allowing {@code allowedHosts}, and
   * prints deny-recall, flag-or-deny recall, benign denied and flagged, with 95% intervals.
   *
   * @throws IllegalArgumentException when {@code sets} is not a directory
   */
  public static void evaluate(
      Engine engine, Path sets, List<String> allowedHosts, PrintWriter out) {
    if (!Files.isDirectory(sets)) {
      throw new IllegalArgumentException("--evaluation: " + sets + " is not a directory");
    }
    List<Evaluation.Program> programs = Evaluation.load(sets, engine::summarise, engine::packages);
    out.print(
        Evaluation.report(
            programs,
            List.of(
                Policies.standard().withAllowedHosts(allowedHosts),
                Policies.builtIn("strict").withAllowedHosts(allowedHosts))));
    out.flush();
  }

  /** One stage's p50/p95/p99 in {@code unit}, {@code perMs} of them to a millisecond. */
  private static void row(
      PrintWriter out, String language, String stage, long[] nanos, double perMs, String unit) {
    double[] p = Percentiles.millis(nanos);
    out.printf(
        "%-11s %-7s %7.1f %s %7.1f %s %7.1f %s%n",
        language, stage, p[0] * perMs, unit, p[1] * perMs, unit, p[2] * perMs, unit);
  }
}
