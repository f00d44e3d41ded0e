package dev.bulwark.internal.seccomp;

import dev.bulwark.internal.seccomp.Condition.Op;
import dev.bulwark.internal.seccomp.SeccompException.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the line-oriented policy format described at the top of {@code default.policy}. Every error
 * names its line and says what was expected, because the file is written and reviewed by people.
 */
final class PolicyParser {

  private enum Section {
    FILTERS("[filters]"),
    ALLOW("[allow]"),
    DENY("[deny]"),
    ARGUMENT_RULES("[argument-rules]"),
    GUARD("[guard]");

    final String header;

    Section(String header) {
      this.header = header;
    }
  }

  private static final Pattern SYSCALL = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final List<String> SETTINGS =
      List.of("allowlist default", "allowlist bad-arch", "guard default", "guard bad-arch");

  private final Map<String, Action> settings = new HashMap<>();
  private final Map<String, Integer> settingLines = new HashMap<>();
  private final List<Rule> allowlist = new ArrayList<>();
  private final List<Rule> guard = new ArrayList<>();
  private Section section;
  private int line;

  private PolicyParser() {}

  static SeccompPolicy parse(String text) {
    var parser = new PolicyParser();
    parser.readLines(text);
    return parser.finish(text);
  }

  private void readLines(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      line = i + 1;
      String content = lines[i];
      int hash = content.indexOf('#');
      if (hash >= 0) {
        content = content.substring(0, hash);
      }
      content = content.strip();
      if (!content.isEmpty()) {
        readLine(content);
      }
    }
  }

  private void readLine(String content) {
    if (content.startsWith("[")) {
      section = sectionNamed(content);
      return;
    }
    if (section == null) {
      throw error("'" + content + "' comes before any section; start with [filters]");
    }
    List<String> tokens = Arrays.asList(content.split("\\s+"));
    switch (section) {
      case FILTERS -> setting(tokens);
      case ALLOW ->
          tokens.forEach(name -> allowlist.add(rule(new Action.Allow(), name, List.of())));
      case DENY -> deny(tokens);
      case ARGUMENT_RULES -> allowlist.add(conditional(tokens, true));
      case GUARD -> guard.add(conditional(tokens, false));
    }
  }

  private Section sectionNamed(String header) {
    for (Section candidate : Section.values()) {
      if (candidate.header.equals(header)) {
        return candidate;
      }
    }
    throw error(
        "unknown section "
            + header
            + "; expected one of [filters], [allow], [deny], [argument-rules], [guard]");
  }

  /** {@code allowlist default ENOSYS}: which filter, which setting, which action. */
  private void setting(List<String> tokens) {
    String key = tokens.size() == 3 ? tokens.get(0) + " " + tokens.get(1) : "";
    if (!SETTINGS.contains(key)) {
      throw error(
          "expected '<allowlist|guard> <default|bad-arch> <action>', found '"
              + String.join(" ", tokens)
              + "'");
    }
    Integer earlier = settingLines.putIfAbsent(key, line);
    if (earlier != null) {
      throw error("'" + key + "' is already set on line " + earlier);
    }
    settings.put(key, action(tokens.get(2)));
  }

  /** {@code EPERM mount umount2}: an action other than allow, then one or more syscalls. */
  private void deny(List<String> tokens) {
    Action action = action(tokens.getFirst());
    if (action instanceof Action.Allow) {
      throw error(
          "[deny] lines start with an errno or kill-process; allowed syscalls go in [allow]");
    }
    if (tokens.size() < 2) {
      throw error("'" + tokens.getFirst() + "' names no syscall to deny");
    }
    tokens.subList(1, tokens.size()).forEach(name -> allowlist.add(rule(action, name, List.of())));
  }

  /** {@code allow socket arg0 == 1}, {@code EPERM ioctl arg1 & 0xffffffff == 0x5412}. */
  private Rule conditional(List<String> tokens, boolean conditionsRequired) {
    if (tokens.size() < 2) {
      throw error("expected '<action> <syscall> <condition> [and <condition>]...'");
    }
    Action action = action(tokens.get(0));
    if (!conditionsRequired && action instanceof Action.Allow) {
      throw error("the guard filter allows by default, so an allow rule there has no effect");
    }
    List<Condition> conditions = conditions(tokens.subList(2, tokens.size()));
    if (conditionsRequired && conditions.isEmpty()) {
      throw error(
          "'"
              + tokens.get(1)
              + "' has no condition; unconditional rules belong in [allow] or [deny]");
    }
    return rule(action, tokens.get(1), conditions);
  }

  private List<Condition> conditions(List<String> tokens) {
    List<Condition> conditions = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= tokens.size(); i++) {
      if (i == tokens.size() || tokens.get(i).equals("and")) {
        if (i > 0 && i == start) {
          throw error("'and' must join two conditions");
        }
        if (i > start) {
          Condition condition = condition(tokens.subList(start, i));
          if (conditions.stream().anyMatch(c -> c.arg() == condition.arg())) {
            throw error(
                "arg"
                    + condition.arg()
                    + " is compared twice; libseccomp allows one comparison per argument"
                    + " in a rule, so write two rules");
          }
          conditions.add(condition);
        }
        start = i + 1;
      }
    }
    return conditions;
  }

  /** {@code argN OP value} or {@code argN & mask == value}. */
  private Condition condition(List<String> tokens) {
    String shown = String.join(" ", tokens);
    String first = tokens.getFirst();
    if (!first.matches("arg[0-5]")) {
      throw error("bad condition '" + shown + "': it must start with arg0 .. arg5");
    }
    int arg = first.charAt(3) - '0';
    if (tokens.size() == 5 && tokens.get(1).equals("&") && tokens.get(3).equals("==")) {
      return new Condition(arg, Op.MASKED_EQ, number(tokens.get(4)), number(tokens.get(2)));
    }
    if (tokens.size() == 3) {
      for (Op op : Op.values()) {
        if (op != Op.MASKED_EQ && op.symbol.equals(tokens.get(1))) {
          return new Condition(arg, op, number(tokens.get(2)), 0);
        }
      }
    }
    throw error(
        "bad condition '"
            + shown
            + "': expected 'argN <op> <value>' with op one of == != < <= > >=,"
            + " or 'argN & <mask> == <value>' (spaces around operators)");
  }

  private long number(String token) {
    try {
      return token.startsWith("0x")
          ? Long.parseUnsignedLong(token.substring(2), 16)
          : Long.parseUnsignedLong(token);
    } catch (NumberFormatException e) {
      throw error("'" + token + "' is not a number (decimal or 0x hex, up to 64 bits)");
    }
  }

  private Action action(String token) {
    return Action.parse(token)
        .orElseThrow(() ->
            error(
                "unknown action '"
                    + token
                    + "'; use allow, kill-process or one of the errnos "
                    + Action.ERRNOS.keySet().stream().sorted().toList()));
  }

  private Rule rule(Action action, String syscall, List<Condition> conditions) {
    if (!SYSCALL.matcher(syscall).matches()) {
      throw error("'" + syscall + "' is not a syscall name (lower-case letters, digits and _)");
    }
    return new Rule(action, syscall, conditions, line);
  }

  private SeccompPolicy finish(String text) {
    for (String key : SETTINGS) {
      if (!settings.containsKey(key)) {
        throw new SeccompException(
            Code.POLICY_INVALID, "seccomp policy: [filters] does not set '" + key + "'");
      }
    }
    checkOverlaps(allowlist);
    checkOverlaps(guard);
    return new SeccompPolicy(
        text,
        new FilterSpec(
            "allowlist",
            settings.get("allowlist default"),
            settings.get("allowlist bad-arch"),
            allowlist),
        new FilterSpec(
            "guard", settings.get("guard default"), settings.get("guard bad-arch"), guard));
  }

  /**
   * A syscall may have one unconditional rule, or any number of conditional ones, never both: in
   * one libseccomp filter the unconditional rule wins, so the conditional ones would silently never
   * apply. That is exactly why the TIOCSTI check lives in a second filter.
   */
  private void checkOverlaps(List<Rule> rules) {
    Map<String, Rule> unconditional = new LinkedHashMap<>();
    Map<String, Rule> conditional = new LinkedHashMap<>();
    for (Rule rule : rules) {
      line = rule.line();
      if (rule.unconditional()) {
        Rule earlier = unconditional.putIfAbsent(rule.syscall(), rule);
        if (earlier != null) {
          throw error("'" + rule.syscall() + "' is already listed on line " + earlier.line());
        }
      } else {
        conditional.putIfAbsent(rule.syscall(), rule);
      }
      Rule plain = unconditional.get(rule.syscall());
      Rule argumentRule = conditional.get(rule.syscall());
      if (plain != null && argumentRule != null) {
        line = Math.max(plain.line(), argumentRule.line());
        throw error(
            "'"
                + rule.syscall()
                + "' has an unconditional rule (line "
                + plain.line()
                + ") and an argument rule (line "
                + argumentRule.line()
                + ") in the same filter; the unconditional one would win, so drop one of them");
      }
    }
  }

  private SeccompException error(String message) {
    return new SeccompException(
        Code.POLICY_INVALID, "seccomp policy line " + line + ": " + message);
  }
}
