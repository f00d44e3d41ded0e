package dev.bulwark.client;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An execution as a model reads it, for tool integrations (LangChain4j, MCP): one JSON object with
 * the status, the exit code, the output (head and tail kept, so that a flood cannot fill the
 * context) and the findings with what to change, so that the model can repair denied code.
 */
public final class Observation {
  /** Characters kept from each of the head and the tail of an output stream. */
  public static final int KEEP = 4000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Observation() {}

  /** The result as a JSON object a model reads. */
  public static String of(ExecutionResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("status", r.status());
    if (!r.reason().isEmpty()) {
      o.put("reason", r.reason());
    }
    if (r.exitCode() != null) {
      o.put("exitCode", r.exitCode());
    }
    o.put("stdout", cap(r.stdout()));
    o.put("stderr", cap(r.stderr()));
    if (!r.findings().isEmpty()) {
      ArrayNode findings = o.putArray("findings");
      for (Finding f : r.findings()) {
        findings
            .addObject()
            .put("rule", f.ruleId())
            .put("outcome", f.outcome())
            .put("line", f.line())
            .put("message", f.message())
            .put("fix", f.remediation());
      }
    }
    return JSON.writeValueAsString(o);
  }

  /** A request the server refused, e.g. for an unknown language, as a model reads it. */
  public static String refusal(BulwarkException e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("status", "REFUSED");
    o.put("code", e.code());
    o.put("reason", e.getMessage());
    return JSON.writeValueAsString(o);
  }

  /** The text's head and tail, with how much was cut between them. */
  static String cap(String text) {
    if (text == null || text.length() <= 2 * KEEP) {
      return text == null ? "" : text;
    }
    int cut = text.length() - 2 * KEEP;
    return text.substring(0, KEEP)
        + "\n[... "
        + cut
        + " characters cut ...]\n"
        + text.substring(text.length() - KEEP);
  }
}
