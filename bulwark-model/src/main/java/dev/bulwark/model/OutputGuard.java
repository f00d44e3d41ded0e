package dev.bulwark.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts secrets from what a sandbox or a model says before it goes further: cloud and service
 * keys, private keys, tokens, passwords in URLs. Each redaction is counted by kind, so that it can
 * be reported as a finding; the secret itself is never kept.
 */
public final class OutputGuard {
  private record Rule(String kind, Pattern pattern, int secretGroup) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "private_key",
              Pattern.compile(
                  "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
              0),
          new Rule("aws_access_key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0),
          new Rule(
              "aws_secret_key",
              Pattern.compile(
                  "(?i)aws_secret_access_key[\"']?\\s*[=:]\\s*[\"']?([A-Za-z0-9/+=]{40})"),
              1),
          new Rule("github_token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"), 0),
          new Rule("slack_token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}\\b"), 0),
          new Rule("api_key", Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}"), 0),
          new Rule("google_api_key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), 0),
          new Rule(
              "jwt",
              Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
              0),
          new Rule(
              "url_password",
              Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]+:([^\\s@/]+)@"),
              1));

  private OutputGuard() {}

  /**
   * The text with its secrets replaced by {@code [REDACTED:kind]}.
   *
   * @param redactions how many of each kind were redacted
   */
  public record Guarded(String text, Map<String, Integer> redactions) {
    public Guarded {
      redactions = Map.copyOf(redactions);
    }
  }

  public static Guarded redact(String text) {
    if (text == null || text.isEmpty()) {
      return new Guarded(text == null ? "" : text, Map.of());
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    String out = text;
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(out);
      StringBuilder sb = new StringBuilder();
      int found = 0;
      while (m.find()) {
        found++;
        String whole = m.group();
        String replaced =
            rule.secretGroup() == 0
                ? "[REDACTED:" + rule.kind() + "]"
                : whole.substring(0, m.start(rule.secretGroup()) - m.start())
                    + "[REDACTED:"
                    + rule.kind()
                    + "]"
                    + whole.substring(m.end(rule.secretGroup()) - m.start());
        m.appendReplacement(sb, Matcher.quoteReplacement(replaced));
      }
      if (found > 0) {
        m.appendTail(sb);
        out = sb.toString();
        counts.merge(rule.kind(), found, Integer::sum);
      }
    }
    return new Guarded(out, counts);
  }

  /** MIME types whose content is text a secret can hide in; images other than SVG are not. */
  private static final Set<String> TEXTUAL =
      Set.of(
          "text/plain",
          "text/html",
          "text/markdown",
          "text/latex",
          "image/svg+xml",
          "application/json",
          "application/javascript");

  /** An output with its secrets redacted, and how many of each kind were. */
  public record GuardedOutput(Output output, Map<String, Integer> redactions) {
    public GuardedOutput {
      redactions = Map.copyOf(redactions);
    }
  }

  /**
   * The output with the secrets of its textual representations redacted: text, HTML, Markdown,
   * LaTeX, SVG, every string inside JSON, and an error's message and traceback. Binary images pass
   * as they are.
   */
  public static GuardedOutput redact(Output output) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (output.outputType() == Output.Type.ERROR) {
      List<String> traceback = new ArrayList<>();
      output.traceback().forEach(line -> traceback.add(redactInto(line, counts)));
      Output guarded = Output.error(output.ename(), redactInto(output.evalue(), counts), traceback);
      return new GuardedOutput(guarded, counts);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    output
        .data()
        .forEach((type, value) ->
            data.put(type, TEXTUAL.contains(type) ? redactValue(value, counts, 0) : value));
    return new GuardedOutput(output.withData(data), counts);
  }

  /** A JSON value (strings, lists, maps) with every string redacted; deeper than 64 levels: cut. */
  private static Object redactValue(Object value, Map<String, Integer> counts, int depth) {
    if (depth > 64) {
      return "[bulwark: nested too deeply to show]";
    }
    return switch (value) {
      case String s -> redactInto(s, counts);
      case List<?> list -> {
        List<Object> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(v == null ? null : redactValue(v, counts, depth + 1)));
        yield out;
      }
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) ->
            out.put(
                redactInto(String.valueOf(k), counts),
                v == null ? null : redactValue(v, counts, depth + 1)));
        yield out;
      }
      default -> value;
    };
  }

  private static String redactInto(String text, Map<String, Integer> counts) {
    Guarded g = redact(text);
    g.redactions().forEach((kind, n) -> counts.merge(kind, n, Integer::sum));
    return g.text();
  }
}
