package dev.bulwark.internal.validation;

import static dev.bulwark.policy.RuleCatalog.*;

import dev.bulwark.internal.net.Hosts;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Advisory rules for bash, read from the text on the host. Shell code is expanded at run time
 * ({@code $var}, {@code $(...)}, aliases), so no static reading of it is exact: these rules point
 * out the usual techniques and never claim more. The built-in policies flag with them; only {@code
 * strict} denies.
 */
final class BashRules {
  private record Check(RuleInfo rule, Pattern pattern, String message) {}

  private static final String FETCH = "(curl|wget|fetch|base64\\s+(-d|--decode)|xxd\\s+-r|openssl)";
  private static final List<Check> CHECKS =
      List.of(
          new Check(
              SH_PIPE_SHELL,
              Pattern.compile(
                  "\\b"
                      + FETCH
                      + "\\b[^|\\n]*\\|\\s*(sudo\\s+)?(env\\s+)?(ba|z|k|da)?sh\\b"
                      + "|\\b(ba|z)?sh\\s+<\\(\\s*(curl|wget)|\\beval\\s+\"?\\$\\(\\s*(curl|wget)"
                      + "|\\bsource\\s+<\\(\\s*(curl|wget)"),
              "runs downloaded or decoded text as a script"),
          new Check(
              SH_REVERSE_SHELL,
              Pattern.compile(
                  "\\b(ba)?sh\\s+-i\\b[^\\n]*[<>]&|\\bn(c|cat|etcat)\\b[^\\n]*\\s-[a-z]*[ec]\\b"
                      + "|\\bsocat\\b[^\\n]*exec:|\\bmkfifo\\b[^\\n]*\\bn(c|cat)\\b"
                      + "|pty\\.spawn|\\bsocket\\b[^\\n]*\\bdup2\\b"),
              "wires an interactive shell to the network"),
          new Check(
              SH_DEV_TCP,
              Pattern.compile("/dev/(tcp|udp)/"),
              "opens a raw connection through /dev/tcp or /dev/udp"),
          new Check(
              SH_EVAL,
              Pattern.compile(
                  "(^|[;&|({\\s])eval\\s|\\b(ba)?sh\\s+-c\\s+\"?\\$|\\bsource\\s+<\\(|\\.\\s+<\\("
                      + "|\\b(python[0-9.]*|perl|ruby|node|php)\\s+-[ce]\\b"),
              "runs a string as commands"),
          new Check(
              SH_PERSISTENCE,
              Pattern.compile(
                  ">>?\\s*\\S*\\.(bashrc|profile|bash_profile|zshrc|bash_login)\\b|\\bcrontab\\b"
                      + "|/etc/cron|\\bchmod\\s+([ugoa]*\\+[rwx]*s|[0-7]?[4-7][0-7]{3}\\b)"
                      + "|authorized_keys|\\bsystemctl\\s+enable\\b|\\buseradd\\b|>>?\\s*/etc/"
                      + "|\\bunset\\s+HISTFILE\\b|\\bhistory\\s+-c\\b|\\.bash_history|/var/log/"),
              "changes start-up files, scheduled jobs or permissions, or covers its tracks"),
          new Check(
              SH_SECRETS,
              Pattern.compile(
                  "/etc/(shadow|gshadow|sudoers)\\b|/proc/[^/\\s]+/environ|~/\\.ssh|\\.ssh/id_"
                      + "|\\.aws/credentials|/run/secrets|\\$HOME/\\.ssh"),
              "reads host secrets or another process's data"));
  private static final Pattern NETWORK_TOOL =
      Pattern.compile(
          "(^|[;&|(`\\s])(curl|wget|nc|ncat|netcat|socat|ssh|scp|sftp|rsync|telnet|ftp|dig"
              + "|nslookup|drill)\\s");

  /** Quoted text, which a line prints or passes on rather than runs (one line's worth). */
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"");

  private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"`)]+");

  private BashRules() {}

  static List<Hit> check(String source, Policy policy) {
    List<Hit> hits = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (Matcher m = URL.matcher(source); m.find(); ) {
      urls.add(m.group());
    }
    boolean urlsAllowed = NetworkTargets.urlsAllAllowed(urls, policy);
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]);
      if (line.isBlank()) {
        continue;
      }
      for (Check c : CHECKS) {
        Matcher m = c.pattern().matcher(line);
        if (m.find()) {
          hits.add(new Hit(c.rule(), i + 1, m.start() + 1, c.message(), null));
        }
      }
      int lineNo = i + 1;
      PackageInstall.inText(QUOTED.matcher(line).replaceAll("''"))
          .ifPresent(
              cmd -> hits.add(new Hit(SH_PACKAGES, lineNo, 1, "installs packages: " + cmd, null)));
      Matcher tool = NETWORK_TOOL.matcher(line);
      if (tool.find()) {
        network(line, i + 1, tool, policy, urlsAllowed, hits);
      }
    }
    return hits;
  }

  private static void network(
      String line, int lineNo, Matcher tool, Policy policy, boolean urlsAllowed, List<Hit> hits) {
    boolean checked = false;
    Matcher url = URL.matcher(line);
    while (url.find()) {
      String text = url.group();
      boolean variableHost = text.substring(text.indexOf("://") + 3).startsWith("$");
      if (variableHost) {
        continue;
      }
      var target = Hosts.ofUrl(text, true);
      if (target.isEmpty()) {
        continue;
      }
      checked = true;
      NetworkTargets.refuse(
          List.of(target.get()),
          SH_NETWORK_DOMAIN,
          lineNo,
          url.start() + 1,
          tool.group(2),
          policy,
          hits);
    }
    if (!checked && !urlsAllowed) {
      hits.add(
          new Hit(
              SH_NETWORK,
              lineNo,
              tool.start(2) + 1,
              tool.group(2)
                  + " with a destination that cannot be checked against the allowed"
                  + " hosts",
              null));
    }
  }

  /** The line without a trailing comment: a # that starts a word outside quotes. */
  static String stripComment(String line) {
    boolean single = false, dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\\' && !single) {
        i++;
      } else if (ch == '\'' && !dbl) {
        single = !single;
      } else if (ch == '"' && !single) {
        dbl = !dbl;
      } else if (ch == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
