package dev.bulwark.cli;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Outcome;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.RuleCatalog;
import dev.bulwark.policy.RuleInfo;
import dev.bulwark.policy.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validation as a SARIF 2.1.0 log, the format code-scanning tools read. */
final class Sarif {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private Sarif() {}

  static Map<String, Object> log(String uri, Validation v, Policy policy) {
    List<RuleInfo> catalogue = RuleCatalog.all();
    List<Object> rules = new ArrayList<>();
    for (RuleInfo r : catalogue) {
      rules.add(
          map(
              "id", r.id(),
              "shortDescription", map("text", r.title()),
              "help", map("text", r.remediation()),
              "defaultConfiguration", map("level", level(policy.mode(r.id()).toString())),
              "properties",
                  map(
                      "security-severity",
                      securitySeverity(r.severity()),
                      "tags",
                      List.of("security", r.language()))));
    }
    List<Object> results = new ArrayList<>();
    for (Finding f : v.findings()) {
      Map<String, Object> location = map("artifactLocation", map("uri", uri));
      if (f.line() > 0) {
        location.put(
            "region",
            map(
                "startLine", f.line(),
                "startColumn", Math.max(1, f.column()),
                "snippet", map("text", f.snippet())));
      }
      results.add(
          map(
              "ruleId", f.ruleId(),
              "ruleIndex", indexOf(catalogue, f.ruleId()),
              "level", f.outcome() == Outcome.DENY ? "error" : "warning",
              "message", map("text", f.message() + ". Fix: " + f.remediation()),
              "locations", List.of(map("physicalLocation", location))));
    }
    Map<String, Object> driver =
        map("name", "Bulwark", "semanticVersion", VersionProvider.version(), "rules", rules);
    Map<String, Object> run =
        map(
            "tool", map("driver", driver),
            "results", results,
            "properties", map("outcome", v.outcome().name(), "policy", policy.name()));
    return map("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run));
  }

  private static String level(String mode) {
    return switch (mode) {
      case "deny" -> "error";
      case "flag" -> "warning";
      default -> "none";
    };
  }

  /** The 0-10 score GitHub code scanning sorts by. */
  private static String securitySeverity(String severity) {
    return switch (severity) {
      case "critical" -> "9.5";
      case "high" -> "8.0";
      case "medium" -> "5.5";
      default -> "3.0";
    };
  }

  private static int indexOf(List<RuleInfo> catalogue, String id) {
    for (int i = 0; i < catalogue.size(); i++) {
      if (catalogue.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
