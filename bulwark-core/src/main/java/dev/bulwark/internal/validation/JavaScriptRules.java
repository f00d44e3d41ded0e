package dev.bulwark.internal.validation;

import static dev.bulwark.policy.RuleCatalog.*;

import dev.bulwark.internal.net.Hosts;
import dev.bulwark.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The JavaScript rules, over the summary of Bulwark's node runner (acorn's AST). */
final class JavaScriptRules {
  private static final Set<String> PROCESS_MODULES =
      Set.of("child_process", "cluster", "worker_threads");
  private static final Set<String> NETWORK_MODULES =
      Set.of(
          "net",
          "http",
          "https",
          "http2",
          "dgram",
          "tls",
          "dns",
          "ws",
          "axios",
          "node-fetch",
          "undici",
          "got",
          "request",
          "superagent",
          "socket.io-client");
  private static final Set<String> DESERIALISE_MODULES =
      Set.of("node-serialize", "serialize-to-js", "funcster", "cryo");
  private static final Set<String> EVAL_CALLS = Set.of("eval", "Function");
  private static final Set<String> TIMER_CALLS =
      Set.of("setTimeout", "setInterval", "setImmediate");
  private static final Set<String> DECODERS =
      Set.of(
          "atob",
          "Buffer.from",
          "?.toString",
          "String.fromCharCode",
          "?.fromCharCode",
          "decodeURIComponent",
          "unescape",
          "?.reverse",
          "?.join");
  private static final Set<String> BINDING_CALLS =
      Set.of("process.binding", "process._linkedBinding", "process.dlopen");
  private static final Set<String> LOADER_CALLS =
      Set.of(
          "module.constructor._load",
          "module.require",
          "module._load",
          "module.createRequire",
          "require.call",
          "require.apply");
  private static final Set<String> HOST_CALLS =
      Set.of(
          "net.connect",
          "net.createConnection",
          "tls.connect",
          "dns.lookup",
          "dns.resolve",
          "dns.resolve4",
          "dns.promises.lookup",
          "?.send",
          "?.connect");
  private static final Set<String> SENDING_CALLS =
      Set.of(
          "fetch",
          "http.get",
          "http.request",
          "https.get",
          "https.request",
          "axios",
          "axios.get",
          "axios.post",
          "axios.put",
          "axios.request",
          "WebSocket",
          "EventSource",
          "http2.connect",
          "undici.request",
          "undici.fetch",
          "node-fetch",
          "got");
  private static final Set<String> BUILT_IN_TYPES =
      Set.of(
          "Object",
          "Array",
          "Function",
          "String",
          "Number",
          "Boolean",
          "Promise",
          "RegExp",
          "Error",
          "Map",
          "Set",
          "Symbol");
  private static final Pattern MEMORY = Pattern.compile("^/proc/[^/]*/mem\\b|^/dev/k?mem\\b");

  private JavaScriptRules() {}

  static List<Hit> check(Summary s, Policy policy) {
    List<Hit> hits = new ArrayList<>();
    boolean urlsAllowed =
        NetworkTargets.urlsAllAllowed(
            s.strings().stream().map(Summary.Text::value).toList(), policy);
    for (Summary.Import i : s.imports()) {
      String m = i.module();
      if (!policy.allowsModule(m) && !m.startsWith(".") && !m.startsWith("/")) {
        hits.add(SharedChecks.moduleNotAllowed(JS_MODULES, i, m, policy));
      }
      JavaScriptSinks.module(i, hits);
      if (PROCESS_MODULES.contains(m)) {
        hits.add(Hit.at(JS_PROCESS, i, "loads " + m + ", which starts processes"));
      } else if (m.equals("vm")) {
        hits.add(Hit.at(JS_EVAL, i, "loads vm, which runs strings as code"));
      } else if (m.endsWith(".node")) {
        hits.add(Hit.at(JS_BINDING, i, "loads the native addon " + m));
      } else if (DESERIALISE_MODULES.contains(m)) {
        hits.add(Hit.at(JS_DESERIALISATION, i, "loads " + m + ", which can revive functions"));
      } else if (NETWORK_MODULES.contains(m) && policy.networkAllow().isEmpty()) {
        hits.add(SharedChecks.networkWithoutHosts(JS_NETWORK, i, m));
      }
    }
    for (Summary.Call c : s.calls()) {
      call(c, policy, urlsAllowed, hits);
      JavaScriptSinks.call(c, hits);
      Abuse.javascript(c, hits);
    }
    for (Summary.Resource r : s.resources()) {
      Abuse.resource(r, JS_ABUSE, hits);
    }
    for (Summary.Name r : s.refs()) {
      if (r.name() != null
          && PROCESS_MODULES.contains(r.name().split("\\.", 2)[0])
          && r.name().contains(".")) {
        hits.add(Hit.at(JS_PROCESS, r, "refers to " + r.name()));
      } else if ("process.mainModule".equals(r.name()) || "module.constructor".equals(r.name())) {
        hits.add(Hit.at(JS_IMPORT_DYNAMIC, r, "reaches the module loader through " + r.name()));
      }
    }
    for (Summary.Name a : s.attrs()) {
      if ("constructor".equals(a.name()) && "constructor".equals(a.after())) {
        hits.add(
            Hit.at(
                JS_INTROSPECTION, a, "constructor.constructor reaches the Function constructor"));
      } else if ("caller".equals(a.name()) || "callee".equals(a.name())) {
        hits.add(Hit.at(JS_INTROSPECTION, a, "uses " + a.name() + " to reach other functions"));
      } else if ("prepareStackTrace".equals(a.name())) {
        hits.add(Hit.at(JS_INTROSPECTION, a, "uses Error.prepareStackTrace to reach call sites"));
      } else if ("__proto__".equals(a.name())) {
        hits.add(Hit.at(JS_PROTOTYPE, a, "uses __proto__"));
      } else if ("mainModule".equals(a.name()) || "_load".equals(a.name())) {
        hits.add(Hit.at(JS_IMPORT_DYNAMIC, a, "reaches the module loader through ." + a.name()));
      }
    }
    for (Summary.Write w : s.writes()) {
      JavaScriptSinks.write(w, hits);
      String t = w.target();
      String root = t.split("\\.", 2)[0];
      if (t.equals("Error.prepareStackTrace")) {
        hits.add(Hit.at(JS_INTROSPECTION, w, "replaces Error.prepareStackTrace"));
      } else if ((BUILT_IN_TYPES.contains(root) && t.startsWith(root + ".prototype"))
          || t.endsWith("__proto__")) {
        hits.add(Hit.at(JS_PROTOTYPE, w, "modifies " + t));
      } else if (Set.of("globalThis", "global", "window", "self").contains(root)) {
        hits.add(Hit.at(JS_PROTOTYPE, w, "writes the global " + t));
      }
    }
    for (Summary.Text t : s.strings()) {
      String v = t.value();
      if (v.contains("child_process")) {
        hits.add(Hit.at(JS_PROCESS, t, "a string names child_process"));
      } else if (MEMORY.matcher(v).find()) {
        hits.add(Hit.at(JS_BINDING, t, "names raw memory: " + v));
      } else {
        Hit hit = JavaScriptSinks.text(t);
        if (hit != null) {
          hits.add(hit);
        }
      }
    }
    return hits;
  }

  private static void call(Summary.Call c, Policy policy, boolean urlsAllowed, List<Hit> hits) {
    String name = c.name();
    String root = name.split("\\.", 2)[0];
    if (PROCESS_MODULES.contains(root) && name.contains(".")) {
      hits.add(Hit.at(JS_PROCESS, c, "calls " + name + ", which starts a process"));
      PackageInstall.inCall(c)
          .ifPresent(cmd -> hits.add(Hit.at(JS_PACKAGES, c, "installs packages: " + cmd)));
    } else if (BINDING_CALLS.contains(name)) {
      hits.add(Hit.at(JS_BINDING, c, "calls " + name + ", node's internals"));
    } else if (EVAL_CALLS.contains(name)
        || name.endsWith(".constructor")
        || name.equals("?.constructor")
        || root.equals("vm")
        || (TIMER_CALLS.contains(name) && c.constantString(0))) {
      if (name.endsWith("constructor.constructor")
          || (name.equals("?.constructor") && c.constantString(0))) {
        hits.add(
            Hit.at(JS_INTROSPECTION, c, "builds a function from a string through a constructor"));
      } else if (c.argCalls().stream().anyMatch(DECODERS::contains)) {
        hits.add(Hit.at(JS_EVAL_OBFUSCATED, c, "runs decoded data with " + name));
      } else if (!name.endsWith(".constructor") || c.constantString(0)) {
        hits.add(Hit.at(JS_EVAL, c, "runs a string as code with " + name));
      }
    } else if (name.equals("require") || name.equals("import")) {
      hits.add(Hit.at(JS_IMPORT_DYNAMIC, c, name + "() with a module name computed at run time"));
    } else if (LOADER_CALLS.contains(name) || name.startsWith("process.mainModule")) {
      hits.add(Hit.at(JS_IMPORT_DYNAMIC, c, "loads modules through " + name));
    } else if (name.equals("v8.deserialize") || name.endsWith(".unserialize")) {
      hits.add(Hit.at(JS_DESERIALISATION, c, "deserialises with " + name));
    }
    boolean hostCall = HOST_CALLS.contains(name);
    boolean sending = SENDING_CALLS.contains(name);
    if (!hostCall && !sending && !name.startsWith("?.") && !NETWORK_MODULES.contains(root)) {
      return;
    }
    List<Hosts.Target> targets = NetworkTargets.of(c, hostCall);
    NetworkTargets.refuse(targets, JS_NETWORK_DOMAIN, c.line(), c.col(), name + "()", policy, hits);
    if (targets.isEmpty() && !urlsAllowed && (sending || (hostCall && !name.startsWith("?.")))) {
      hits.add(
          Hit.at(
              JS_NETWORK,
              c,
              name
                  + "() with a destination computed at run time: it cannot be checked against"
                  + " the allowed hosts"));
    }
  }
}
