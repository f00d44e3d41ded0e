package dev.bulwark.internal.validation;

import static dev.bulwark.policy.RuleCatalog.*;

import java.util.List;
import java.util.Set;

/**
 * What reaches JavaScript's dangerous sinks, judged by how it was made (the runner's folding):
 * modules and globals reached through hidden names, decoded or outside code on its way to {@code
 * eval}, {@code Function} and {@code vm}, crafted node-serialize payloads, name lookups of computed
 * names, and ways around the egress proxy.
 */
final class JavaScriptSinks {
  private static final Set<String> DANGEROUS_MODULES =
      Set.of(
          "child_process",
          "vm",
          "worker_threads",
          "cluster",
          "dns",
          "net",
          "tls",
          "dgram",
          "v8",
          "module",
          "fs",
          "http",
          "https",
          "inspector",
          "process");
  private static final Set<String> DANGEROUS_CALLS =
      Set.of(
          "eval",
          "Function",
          "require",
          "import",
          "process.binding",
          "process._linkedBinding",
          "process.dlopen",
          "process.kill");
  private static final Set<String> DANGEROUS_METHODS =
      Set.of(
          "exec",
          "execSync",
          "spawn",
          "spawnSync",
          "execFile",
          "execFileSync",
          "fork",
          "require",
          "binding",
          "dlopen",
          "_load");
  private static final Set<String> CODE_CALLS =
      Set.of(
          "eval",
          "Function",
          "setTimeout",
          "setInterval",
          "vm.runInNewContext",
          "vm.runInThisContext",
          "vm.runInContext",
          "vm.Script",
          "vm.compileFunction");
  private static final Set<String> RESOLVERS =
      Set.of(
          "dns.lookup",
          "dns.resolve",
          "dns.resolve4",
          "dns.resolve6",
          "dns.resolveTxt",
          "dns.resolveAny",
          "dns.resolveCname",
          "dns.resolveMx",
          "dns.promises.lookup",
          "dns.promises.resolve",
          "dns.promises.resolve4",
          "dns.promises.resolveTxt",
          "dns.promises.resolveAny",
          "dns.Resolver");

  private JavaScriptSinks() {}

  static void module(Summary.Import i, List<Hit> hits) {
    if (!i.hidden().isEmpty()
        && (DANGEROUS_MODULES.contains(i.module()) || Taint.obfuscated(i.hidden()))) {
      hits.add(
          Hit.at(
              JS_CONCEALMENT,
              i,
              "loads " + i.module() + " under a name " + Taint.describe(i.hidden()),
              "write require('" + i.module() + "'), if the task needs it at all"));
    }
  }

  static void call(Summary.Call c, List<Hit> hits) {
    String name = c.name();
    if (c.via() != null && dangerous(name)) {
      hits.add(
          Hit.at(
              JS_CONCEALMENT,
              c,
              "a code string run by " + c.via() + " calls " + name + ": the call is hidden"));
    } else if (!c.hidden().isEmpty() && (dangerous(name) || Taint.obfuscated(c.hidden()))) {
      hits.add(
          Hit.at(
              JS_CONCEALMENT,
              c,
              "calls " + name + " through a name " + Taint.describe(c.hidden()),
              "write the call with its plain name, if the task needs it at all"));
    } else if ((name.equals("require") || name.equals("import")) && Taint.obfuscated(c.taint(0))) {
      hits.add(
          Hit.at(
              JS_CONCEALMENT,
              c,
              name + "() of a module name " + Taint.describe(c.taint(0)) + " at run time"));
    }
    if (CODE_CALLS.contains(name) || name.startsWith("vm.")) {
      for (int i = 0; i < c.argTaint().size(); i++) {
        List<String> t = c.taint(i);
        if (Taint.obfuscated(t)) {
          hits.add(Hit.at(JS_EVAL_OBFUSCATED, c, name + " runs code " + Taint.describe(t)));
          break;
        } else if (Taint.external(t)) {
          hits.add(
              Hit.at(
                  JS_EVAL_EXTERNAL,
                  c,
                  name + " runs code " + Taint.sources(t) + ", which nothing validated"));
          break;
        }
      }
    }
    if (RESOLVERS.contains(name) && !c.constantString(0)) {
      hits.add(
          Hit.at(
              JS_NETWORK_DNS,
              c,
              name
                  + "() looks up a name computed at run time: the lookup itself carries data to"
                  + " whoever runs that domain's name servers"));
    }
    if (name.endsWith("unserialize")
        && (c.constantString(0) || c.arg(0).asString("").contains("_$$ND_FUNC$$_"))) {
      hits.add(
          Hit.at(
              JS_DESERIALISATION_CRAFTED,
              c,
              name + "() revives a payload written into the program, functions included"));
    }
  }

  static void write(Summary.Write w, List<Hit> hits) {
    String t = w.target();
    if (t.startsWith("process.env.")
        && SharedChecks.PROXY.matcher(t.substring("process.env.".length())).find()) {
      hits.add(Hit.at(JS_NETWORK_BYPASS, w, "changes or deletes " + t + ", a proxy variable"));
    }
  }

  static Hit text(Summary.Text t) {
    Hit file = SharedChecks.file(t, JS_TAMPERING, JS_SECRETS);
    if (file != null) {
      return file;
    }
    if (SharedChecks.PROXY.matcher(t.value()).find()) {
      return Hit.at(
          JS_NETWORK_BYPASS,
          t,
          "names "
              + t.value()
              + ", part of the egress proxy: changing or using it directly gets"
              + " around the proxy's checks");
    }
    return null;
  }

  private static boolean dangerous(String name) {
    String root = name.split("\\.", 2)[0];
    String last = name.substring(name.lastIndexOf('.') + 1);
    return DANGEROUS_CALLS.contains(name)
        || (DANGEROUS_MODULES.contains(root) && name.contains("."))
        || (name.startsWith("?.") && DANGEROUS_METHODS.contains(last))
        || name.endsWith("constructor.constructor")
        || name.startsWith("process.mainModule");
  }
}
