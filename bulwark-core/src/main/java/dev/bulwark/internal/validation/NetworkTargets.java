package dev.bulwark.internal.validation;

import dev.bulwark.internal.net.Hosts;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Destinations named by a call's arguments, for the network rules of every language. */
final class NetworkTargets {
  private static final Pattern IP_PREFIX =
      java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){0,2}\\.");

  private NetworkTargets() {}

  /**
   * The destinations a call's arguments name: URLs (complete, or a constant beginning that holds
   * the whole host), {@code (host, port)} pairs, {@code {host, port}} objects, and bare host names
   * when {@code hostArgs} says the call takes one.
   */
  static List<Hosts.Target> of(Summary.Call call, boolean hostArgs) {
    List<Hosts.Target> out = new ArrayList<>();
    List<JsonNode> values = new ArrayList<>(call.args());
    for (String key : List.of("url", "host", "hostname", "address", "uri")) {
      JsonNode v = call.kwargs().get(key);
      if (v != null) {
        values.add(v);
      }
    }
    for (int i = 0; i < values.size(); i++) {
      JsonNode v = values.get(i);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isString()) {
        String s = v.asString();
        Optional<Hosts.Target> t =
            s.contains("://")
                ? Hosts.ofUrl(s, true)
                : hostArgs ? Hosts.ofHost(s, portAfter(values, i)) : Optional.empty();
        t.ifPresent(out::add);
      } else if (v.isObject() && v.has("prefix")) {
        Hosts.ofUrl(v.get("prefix").asString(), false).ifPresent(out::add);
      } else if (v.isObject() && (v.has("host") || v.has("hostname"))) {
        String h = v.has("hostname") ? v.get("hostname").asString() : v.get("host").asString();
        Hosts.ofHost(h, v.path("port").asInt(-1)).ifPresent(out::add);
      } else if (v.isArray() && !v.isEmpty() && v.get(0).isString()) {
        Hosts.ofHost(v.get(0).asString(), v.size() > 1 ? v.get(1).asInt(-1) : -1)
            .ifPresent(out::add);
      } else if (v.isArray() && !v.isEmpty() && v.get(0).has("prefix")) {
        // (f"10.0.0.{i}", port): the host is not known, but an IP literal is never allowed.
        String prefix = v.get(0).get("prefix").asString();
        if (IP_PREFIX.matcher(prefix).matches()) {
          out.add(new Hosts.Target(prefix + "*", v.size() > 1 ? v.get(1).asInt(-1) : -1, false));
        }
      }
    }
    return out;
  }

  private static int portAfter(List<JsonNode> values, int i) {
    if (i + 1 < values.size() && values.get(i + 1) != null && values.get(i + 1).isNumber()) {
      return values.get(i + 1).asInt();
    }
    if (i > 0 && values.get(i - 1) != null && values.get(i - 1).isNumber()) {
      return values.get(i - 1).asInt(); // node: net.connect(port, host)
    }
    return -1;
  }

  /**
   * True when the program spells at least one URL and every URL it spells has an allowed host: then
   * a call whose destination is a variable most likely uses one of them, and a finding would be
   * noise. The egress proxy checks every connection at run time either way.
   */
  static boolean urlsAllAllowed(List<String> texts, Policy policy) {
    boolean any = false;
    for (String text : texts) {
      if (text.contains("://")) {
        Optional<Hosts.Target> t = Hosts.ofUrl(text, false);
        if (t.isEmpty() || !Hosts.allows(policy.networkAllow(), t.get())) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** True when some argument is a socket address, constant or not: {@code (host, port)}. */
  static boolean hasAddress(Summary.Call call) {
    return call.args().stream().anyMatch(v -> v != null && v.isArray() && v.size() == 2);
  }

  /**
   * A hit for each destination the policy does not allow; {@code what} starts the message (the
   * call, or "a URL in the code").
   */
  static void refuse(
      List<Hosts.Target> targets,
      RuleInfo rule,
      int line,
      int col,
      String what,
      Policy policy,
      List<Hit> hits) {
    for (Hosts.Target t : targets) {
      if (!Hosts.allows(policy.networkAllow(), t)) {
        String[] msg = denied(t, policy);
        hits.add(new Hit(rule, line, col, what + ": " + msg[0], msg[1]));
      }
    }
  }

  /** The message and advice for a destination the policy does not allow. */
  private static String[] denied(Hosts.Target target, Policy policy) {
    String allowed =
        policy.networkAllow().isEmpty()
            ? "no host is allowed: this sandbox has no network"
            : "allowed: " + String.join(", ", policy.networkAllow());
    String what =
        Hosts.isIpLiteral(target.host())
            ? "the address "
                + target
                + " is not allowed (IP addresses are never reachable unless"
                + " listed)"
            : "the host " + target + " is not allowed";
    return new String[] {
      what + "; " + allowed,
      policy.networkAllow().isEmpty()
          ? SharedChecks.NO_NETWORK
          : "use only " + String.join(", ", policy.networkAllow())
    };
  }
}
