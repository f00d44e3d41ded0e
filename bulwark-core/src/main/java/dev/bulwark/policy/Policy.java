package dev.bulwark.policy;

import dev.bulwark.internal.net.Hosts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validation policy: a mode per rule, the modules and hosts code may use, and the limits preset
 * it brings. Immutable; read from YAML by {@link Policies}.
 *
 * @param name the policy's name
 * @param version the file format's version, 1
 * @param description one line for operators
 * @param limits the name of the limits preset runs under this policy get by default
 * @param rules modes by rule id or dotted prefix ({@code py.network} covers {@code
 *     py.network.domain}); {@code "*"} covers every rule; the longest match wins; unmatched rules
 *     flag
 * @param waivable rule selectors that an inline {@code bulwark: allow RULE} comment may waive;
 *     empty: no comment waives anything
 * @param modulesAllow top-level modules code may import; empty: any module
 * @param modulesDeny top-level modules code may never import
 * @param networkAllow hosts code may reach: {@code api.example.com}, {@code *.example.com} (its
 *     subdomains), either with an optional {@code :port}; empty: none
 */
public record Policy(
    String name,
    int version,
    String description,
    String limits,
    Map<String, Mode> rules,
    List<String> waivable,
    List<String> modulesAllow,
    List<String> modulesDeny,
    List<String> networkAllow) {

  public Policy {
    rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    waivable = List.copyOf(waivable);
    modulesAllow = List.copyOf(modulesAllow);
    modulesDeny = List.copyOf(modulesDeny);
    networkAllow = networkAllow.stream().map(Hosts::normalisePattern).distinct().toList();
  }

  /** The mode of a rule: the most specific selector that covers it, else {@link Mode#FLAG}. */
  public Mode mode(String ruleId) {
    String best = null;
    for (String selector : rules.keySet()) {
      if (selects(selector, ruleId)
          && (best == null || specificity(selector) > specificity(best))) {
        best = selector;
      }
    }
    return best == null ? Mode.FLAG : rules.get(best);
  }

  /** True when an inline comment may waive this rule. */
  public boolean isWaivable(String ruleId) {
    return waivable.stream().anyMatch(s -> selects(s, ruleId));
  }

  /** True when code may import this top-level module. */
  public boolean allowsModule(String module) {
    String top = module.split("\\.", 2)[0];
    return !modulesDeny.contains(top) && (modulesAllow.isEmpty() || modulesAllow.contains(top));
  }

  /**
   * This policy with more allowed hosts: the operator's local override ({@code --allow-domain}).
   */
  public Policy withAllowedHosts(List<String> hosts) {
    List<String> all = new ArrayList<>(networkAllow);
    all.addAll(hosts);
    return new Policy(
        name, version, description, limits, rules, waivable, modulesAllow, modulesDeny, all);
  }

  /**
   * The policy a request gets when it asks for {@code requested} under this one: each rule at the
   * stricter of the two modes, only what both allow (modules, hosts, waivers), every denied module.
   * The result is never looser than this policy.
   */
  public Policy tighten(Policy requested) {
    Map<String, Mode> modes = new LinkedHashMap<>();
    modes.put("*", mode("*").stricter(requested.mode("*")));
    for (RuleInfo rule : RuleCatalog.all()) {
      modes.put(rule.id(), mode(rule.id()).stricter(requested.mode(rule.id())));
    }
    List<String> waive =
        RuleCatalog.all().stream()
            .map(RuleInfo::id)
            .filter(id -> isWaivable(id) && requested.isWaivable(id))
            .toList();
    List<String> allow;
    if (modulesAllow.isEmpty()) {
      allow = requested.modulesAllow();
    } else if (requested.modulesAllow().isEmpty()) {
      allow = modulesAllow;
    } else {
      allow = modulesAllow.stream().filter(requested.modulesAllow()::contains).toList();
      if (allow.isEmpty()) {
        allow = List.of("-"); // nothing in common: no module at all, not "any module"
      }
    }
    Set<String> deny = new LinkedHashSet<>(modulesDeny);
    deny.addAll(requested.modulesDeny());
    Set<String> hosts = new LinkedHashSet<>();
    requested.networkAllow().stream()
        .filter(h -> Hosts.covers(networkAllow, h))
        .forEach(hosts::add);
    networkAllow.stream()
        .filter(h -> Hosts.covers(requested.networkAllow(), h))
        .forEach(hosts::add);
    return new Policy(
        name.equals(requested.name()) ? name : name + "+" + requested.name(),
        version,
        description,
        limits,
        modes,
        waive,
        allow,
        List.copyOf(deny),
        List.copyOf(hosts));
  }

  /** Every rule of the catalogue with its resolved mode. */
  public Map<String, Mode> effectiveModes() {
    Map<String, Mode> out = new LinkedHashMap<>();
    for (RuleInfo rule : RuleCatalog.all()) {
      out.put(rule.id(), mode(rule.id()));
    }
    return out;
  }

  /** True when {@code selector} ("*", an id, or a dotted prefix of one) covers {@code ruleId}. */
  public static boolean selects(String selector, String ruleId) {
    return selector.equals("*") || selector.equals(ruleId) || ruleId.startsWith(selector + ".");
  }

  private static int specificity(String selector) {
    return selector.equals("*") ? 0 : 1 + selector.length();
  }
}
