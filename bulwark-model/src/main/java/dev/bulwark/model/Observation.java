package dev.bulwark.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An execution as a model reads it, for tool integrations (LangChain4j, MCP, the agent): one JSON
 * object with the status, the exit code, the output and the findings with what to change, so that
 * the model can repair denied code. The output passes the {@link OutputGuard} first: its secrets
 * are redacted, and each kind redacted is reported as an {@code output.secret} finding. Then it is
 * capped, head and tail kept, so that a flood cannot fill the context.
 *
 * @param json what the model reads
 * @param redactions the secrets redacted from it, by kind
 */
public record Observation(String json, Map<String, Integer> redactions) {
  /** Characters kept from each of the head and the tail of an output stream. */
  public static final int KEEP = 4000;

  /** Rich outputs shown at most; a model is told how many more there were. */
  public static final int MAX_OUTPUTS = 20;

  /** The rule of the findings that report redacted secrets. */
  public static final String SECRET_RULE = "output.secret";

  public Observation {
    Objects.requireNonNull(json, "json");
    redactions = Map.copyOf(redactions);
  }

  /** The result as a model reads it. */
  public static Observation of(ExecutionResult r) {
    Map<String, Integer> redactions = new LinkedHashMap<>();
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("status", r.status().name());
    if (!r.reason().isEmpty()) {
      o.put("reason", guard(r.reason(), redactions));
    }
    if (r.exitCode() != null) {
      o.put("exitCode", r.exitCode());
    }
    o.put("stdout", cap(guard(r.stdout(), redactions)));
    o.put("stderr", cap(guard(r.stderr(), redactions)));
    if (!r.outputs().isEmpty()) {
      outputs(o.putArray("outputs"), r.outputs(), redactions);
    }
    if (!r.artifacts().isEmpty()) {
      ArrayNode files = o.putArray("artifacts");
      r.artifacts().forEach(a -> files.addObject().put("name", a.name()).put("size", a.size()));
    }
    ArrayNode findings = Json.mapper().createArrayNode();
    for (Finding f : r.findings()) {
      findings
          .addObject()
          .put("rule", f.ruleId())
          .put("outcome", f.outcome().name())
          .put("line", f.line())
          .put("message", guard(f.message(), redactions))
          .put("fix", f.remediation());
    }
    redactions.forEach((kind, count) ->
        findings
            .addObject()
            .put("rule", SECRET_RULE)
            .put("outcome", "REDACTED")
            .put("line", 0)
            .put(
                "message",
                count + " " + kind + " redacted from the output as [REDACTED:" + kind + "]")
            .put(
                "fix",
                "Do not print secrets; the program can use them without showing them. The"
                    + " redacted value cannot be recovered from this result."));
    if (!findings.isEmpty()) {
      o.set("findings", findings);
    }
    if (!r.network().isEmpty()) { // what the program tried, so that the model sees a refusal
      ArrayNode network = o.putArray("network");
      for (NetworkAttempt a : r.network().subList(0, Math.min(20, r.network().size()))) {
        ObjectNode n = network.addObject().put("host", a.host()).put("port", a.port());
        n.put("allowed", a.allowed());
        if (!a.reason().isEmpty()) {
          n.put("reason", a.reason());
        }
      }
    }
    return new Observation(Json.write(o), redactions);
  }

  /**
   * The rich outputs as a model reads them: each one's text (secrets redacted, capped) and the
   * other representations it has by MIME type, so that a model learns a chart was drawn; an error's
   * name, message and traceback. At most {@value #MAX_OUTPUTS} are shown.
   */
  private static void outputs(
      ArrayNode into, List<Output> outputs, Map<String, Integer> redactions) {
    for (Output out : outputs.subList(0, Math.min(MAX_OUTPUTS, outputs.size()))) {
      OutputGuard.GuardedOutput g = OutputGuard.redact(out);
      g.redactions().forEach((kind, n) -> redactions.merge(kind, n, Integer::sum));
      Output safe = g.output();
      ObjectNode item = into.addObject().put("type", safe.outputType().wireName());
      if (safe.outputType() == Output.Type.ERROR) {
        item.put("ename", safe.ename()).put("evalue", cap(safe.evalue()));
        item.put("traceback", cap(String.join("\n", safe.traceback())));
        continue;
      }
      if (safe.data().get("text/plain") instanceof String text) {
        item.put("text", cap(text));
      }
      ArrayNode media = item.putArray("media");
      safe.data().keySet().stream().filter(t -> !t.equals("text/plain")).forEach(media::add);
    }
    if (outputs.size() > MAX_OUTPUTS) {
      into.addObject()
          .put("type", "truncated")
          .put("text", (outputs.size() - MAX_OUTPUTS) + " more");
    }
  }

  /**
   * A request the server refused, e.g. for an unknown language, as a model reads it.
   *
   * @param code the refusal's machine-readable code ({@link ErrorBody#code()})
   * @param reason its message
   */
  public static String refusal(String code, String reason) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("status", "REFUSED");
    o.put("code", code);
    o.put("reason", reason);
    return Json.write(o);
  }

  /** A program's output as a model may read it: secrets redacted, head and tail kept. */
  public static String output(String text) {
    return cap(OutputGuard.redact(text).text());
  }

  private static String guard(String text, Map<String, Integer> redactions) {
    OutputGuard.Guarded g = OutputGuard.redact(text);
    g.redactions().forEach((kind, n) -> redactions.merge(kind, n, Integer::sum));
    return g.text();
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
