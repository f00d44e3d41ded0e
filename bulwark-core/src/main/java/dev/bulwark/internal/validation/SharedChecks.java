package dev.bulwark.internal.validation;

import dev.bulwark.policy.Policy;
import dev.bulwark.policy.RuleInfo;
import java.util.regex.Pattern;

/** What the rules of every language check alike: module allow-lists, no network, host secrets. */
final class SharedChecks {
  /**
   * Host secrets and other processes' data, as paths in string constants (a {@code *} stands for a
   * part computed at run time: {@code /proc/*}{@code /environ}).
   */
  static final Pattern SECRETS =
      Pattern.compile(
          "^/etc/(shadow|gshadow|sudoers|passwd)\\b|^/proc/[^/]+/(environ|cmdline|root|maps)\\b"
              + "|(^|/)(environ|cmdline)$|(^|/)\\.(ssh|aws|gnupg|kube|docker)(/|$)"
              + "|\\.aws/credentials|\\.kube/config|/run/secrets|\\.netrc\\b|\\.pgpass$"
              + "|\\.npmrc$|\\.pypirc$|\\.git-credentials|\\.docker/config\\.json"
              + "|\\.config/gcloud|application_default_credentials|google-chrome|chromium/"
              + "|\\.mozilla/firefox|^/root/");

  /** Start-up and persistence files: what runs again in later shells, logins or boots. */
  static final Pattern PERSISTENCE =
      Pattern.compile(
          "(^|/)\\.(bashrc|bash_profile|bash_login|bash_logout|profile|zshrc|zprofile|zshenv"
              + "|zlogin|kshrc|cshrc|tcshrc)$|^/etc/(profile|bash\\.bashrc|environment|zsh/)"
              + "|/etc/profile\\.d/|(^|/)(site|user)customize\\.py$|\\.pth$|(^|/)crontabs?(/|$)"
              + "|/cron\\.(d|daily|hourly|weekly|monthly)\\b|^/etc/crontab|/var/spool/cron"
              + "|(^|/)systemd/|\\.(service|timer)$|authorized_keys|ld\\.so\\.preload"
              + "|^/etc/sudoers|\\.git/hooks/|^/etc/rc\\.local|^/etc/init\\.d/"
              + "|\\.config/autostart");

  /** Logs and shell history: what covering one's tracks deletes. */
  static final Pattern TRACKS =
      Pattern.compile(
          "(^|/)\\.(bash|zsh|sh|python|node_repl|mysql|psql)_?history$|(^|/)\\.lesshst$"
              + "|^/var/log(/|$)|(^|/)(wtmp|btmp|lastlog|utmp)$");

  /** The egress proxy's variables and socket: what getting around the proxy touches. */
  static final Pattern PROXY =
      Pattern.compile("(?i)^(https?|all|no|ftp)_proxy$|^/run/bulwark(/|$)");

  /** Advice when the policy allows no host at all. */
  static final String NO_NETWORK = "do not use the network; work with the data you were given";

  private SharedChecks() {}

  /**
   * The hit for a string naming a persistence file, logs or a secret, under the language's rules
   * (in this order); null when it names none.
   */
  static Hit file(Summary.Text t, RuleInfo tampering, RuleInfo secrets) {
    String v = t.value();
    if (PERSISTENCE.matcher(v).find()) {
      return Hit.at(
          tampering,
          t,
          "names the start-up or persistence file "
              + cut(v)
              + ": writing it makes code run again in later shells, logins or boots");
    }
    if (TRACKS.matcher(v).find()) {
      return Hit.at(
          tampering,
          t,
          "names logs or shell history ("
              + cut(v)
              + "): deleting or rewriting them hides what was done");
    }
    if (SECRETS.matcher(v).find()) {
      return Hit.at(secrets, t, "names a host secret or another process's data: " + cut(v));
    }
    return null;
  }

  static String cut(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  /** A module the policy does not allow, with the list the agent may choose from. */
  static Hit moduleNotAllowed(
      RuleInfo rule, Summary.Positioned where, String module, Policy policy) {
    return Hit.at(
        rule,
        where,
        "the module '" + module + "' is not allowed by the policy '" + policy.name() + "'",
        policy.modulesAllow().isEmpty()
            ? "do not use " + module
            : "use only these modules: " + String.join(", ", policy.modulesAllow()));
  }

  /** A network module under a policy that allows no host: it cannot work in the sandbox. */
  static Hit networkWithoutHosts(RuleInfo rule, Summary.Positioned where, String module) {
    return Hit.at(
        rule,
        where,
        "uses " + module + ", but no host is allowed: this sandbox has no network",
        NO_NETWORK);
  }
}
