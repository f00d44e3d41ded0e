package dev.bulwark.internal.validation;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Outcome;
import dev.bulwark.policy.Mode;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.RuleCatalog;
import dev.bulwark.policy.Validation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a policy to a program: runs the language's rules over the runner's summary (or over the
 * text, for bash), honours inline waivers the policy permits, and decides ALLOW, FLAG or DENY. Pure
 * and fast: no I/O, no parsing of the program itself.
 */
public final class Validator {
  /** At most this many findings are reported; the outcome still counts them all. */
  static final int MAX_FINDINGS = 200;

  private static final Pattern BASH_WAIVER =
      Pattern.compile("#\\s*bulwark:\\s*allow\\s+([\\w.\\-, ]+)");

  private Validator() {}

  /**
   * Validates one program.
   *
   * @param language the runtime's canonical name: {@code python}, {@code javascript}, {@code bash}
   * @param source the program, for snippets and the text rules
   * @param summary what the runner saw; {@link Summary#empty()} for languages without a runner
   */
  public static Validation validate(
      String language, String source, Summary summary, Policy policy) {
    List<Hit> hits = new ArrayList<>();
    int bidi = firstBidi(source);
    if (bidi >= 0) {
      int[] pos = position(source, bidi);
      hits.add(
          new Hit(
              RuleCatalog.SRC_BIDI,
              pos[0],
              pos[1],
              String.format(
                  "the character U+%04X reorders how the code is displayed",
                  (int) source.charAt(bidi)),
              null));
    }
    if (summary.incomplete() != null) {
      Summary.Location at = summary.error();
      hits.add(
          new Hit(
              RuleCatalog.SRC_UNANALYSABLE,
              at == null ? 1 : at.line(),
              at == null ? 1 : at.col(),
              "the program could not be analysed: " + summary.incomplete(),
              summary.incomplete().contains("nested")
                  ? null
                  : "write it without the newest syntax (such as the RegExp v flag): the analysis"
                      + " cannot read it yet"));
    }
    for (Summary.Name c : summary.confusables()) {
      hits.add(
          Hit.at(
              RuleCatalog.SRC_CONFUSABLE,
              c,
              "the identifier " + c.raw() + " is read as " + c.name(),
              "write " + c.name() + " in plain ASCII"));
    }
    List<Summary.Waiver> waivers = summary.waivers();
    switch (language) {
      case "python" -> hits.addAll(PythonRules.check(summary, policy));
      case "javascript" -> hits.addAll(JavaScriptRules.check(summary, policy));
      case "bash" -> {
        hits.addAll(BashRules.check(source, policy));
        waivers = bashWaivers(source);
      }
      default -> {}
    }
    return decide(hits, waivers, source, policy);
  }

  private static Validation decide(
      List<Hit> hits, List<Summary.Waiver> waivers, String source, Policy policy) {
    if (hits.isEmpty()) {
      return new Validation(Outcome.ALLOW, List.of());
    }
    String[] lines = source.split("\n", -1);
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean deny = false;
    hits.sort(Comparator.comparingInt(Hit::line).thenComparingInt(Hit::col));
    for (Hit h : hits) {
      String id = h.rule().id();
      Mode mode = policy.mode(id);
      // One finding per rule and line is enough to act on; each refused host is its own.
      String key = id + "@" + h.line() + (id.endsWith(".domain") ? h.message() : "");
      if (mode == Mode.OFF || !seen.add(key)) {
        continue;
      }
      String message = h.message();
      if (waived(waivers, h, id)) {
        if (policy.isWaivable(id)) {
          continue;
        }
        message +=
            " (an inline comment asks to waive "
                + id
                + ", but the policy '"
                + policy.name()
                + "' does not let comments waive it)";
      }
      deny |= mode == Mode.DENY;
      if (findings.size() < MAX_FINDINGS) {
        findings.add(
            new Finding(
                id,
                h.rule().severity(),
                mode == Mode.DENY ? Outcome.DENY : Outcome.FLAG,
                message,
                h.line(),
                h.col(),
                snippet(lines, h.line()),
                h.remediation() != null ? h.remediation() : h.rule().remediation()));
      }
    }
    Outcome outcome = deny ? Outcome.DENY : findings.isEmpty() ? Outcome.ALLOW : Outcome.FLAG;
    return new Validation(outcome, findings);
  }

  /** A waiver on the hit's line, or alone on the line above it, naming the rule or a prefix. */
  private static boolean waived(List<Summary.Waiver> waivers, Hit h, String id) {
    for (Summary.Waiver w : waivers) {
      if (w.line() == h.line() || w.line() == h.line() - 1) {
        if (w.rules().stream().anyMatch(r -> Policy.selects(r, id))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Summary.Waiver> bashWaivers(String source) {
    List<Summary.Waiver> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = BASH_WAIVER.matcher(lines[i]);
      if (m.find()) {
        out.add(new Summary.Waiver(i + 1, List.of(m.group(1).trim().split("[,\\s]+"))));
      }
    }
    return out;
  }

  private static String snippet(String[] lines, int line) {
    if (line < 1 || line > lines.length) {
      return "";
    }
    String s = lines[line - 1].strip();
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }

  /** The first bidirectional control character (U+202A-U+202E, U+2066-U+2069), or -1. */
  private static int firstBidi(String source) {
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        return i;
      }
    }
    return -1;
  }

  private static int[] position(String source, int index) {
    int line = 1, col = 1;
    for (int i = 0; i < index; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }
}
