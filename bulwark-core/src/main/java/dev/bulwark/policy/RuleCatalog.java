package dev.bulwark.policy;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule of the validation layer, in one place: what policies name and findings cite. */
public final class RuleCatalog {
  public static final RuleInfo SRC_BIDI =
      rule(
          "src.bidi",
          "any",
          "critical",
          "bidirectional control characters that make the code read differently than it runs"
              + " (Trojan Source)",
          "remove the bidirectional control characters (U+202A-U+202E, U+2066-U+2069)");
  public static final RuleInfo SRC_CONFUSABLE =
      rule(
          "src.confusable",
          "any",
          "medium",
          "identifiers written with look-alike or compatibility characters",
          "write identifiers in plain ASCII");

  public static final RuleInfo SRC_UNANALYSABLE =
      rule(
          "src.unanalysable",
          "any",
          "high",
          "code the analysis could not read in full (nested too deeply, or a parser disagreement)",
          "split long expressions and deeply nested code into smaller functions");
  public static final RuleInfo PY_ENCODING =
      rule(
          "py.encoding",
          "python",
          "critical",
          "a source-encoding declaration other than UTF-8",
          "remove the coding declaration: source is UTF-8");
  public static final RuleInfo PY_PROCESS =
      rule(
          "py.process",
          "python",
          "high",
          "starting processes (subprocess, os.system, os.exec*, pty)",
          "do the work in Python itself instead of starting a process: use shutil, pathlib, or a"
              + " library for the task");
  public static final RuleInfo PY_NATIVE =
      rule(
          "py.native",
          "python",
          "high",
          "native code (ctypes, cffi, loading shared libraries)",
          "use pure Python or the installed packages instead of calling native code");
  public static final RuleInfo PY_NATIVE_MEMORY =
      rule(
          "py.native.memory",
          "python",
          "critical",
          "raw process or kernel memory (/proc/*/mem, /dev/mem)",
          "do not touch process memory; work with Python objects");
  public static final RuleInfo PY_EVAL =
      rule(
          "py.eval",
          "python",
          "high",
          "evaluating strings as code (eval, exec, compile)",
          "write the code directly instead of building it as a string; to read data use"
              + " json.loads or ast.literal_eval");
  public static final RuleInfo PY_EVAL_OBFUSCATED =
      rule(
          "py.eval.obfuscated",
          "python",
          "critical",
          "executing decoded or decompressed data (base64, zlib, hex, codecs)",
          "write the code in plain source; encoded payloads are never run");
  public static final RuleInfo PY_IMPORT_DYNAMIC =
      rule(
          "py.import.dynamic",
          "python",
          "high",
          "importing modules by computed name (__import__, importlib.import_module)",
          "use a plain import statement with the module's name");
  public static final RuleInfo PY_GETATTR_DYNAMIC =
      rule(
          "py.getattr.dynamic",
          "python",
          "medium",
          "getattr, setattr or delattr with a computed attribute name",
          "access the attribute by its name, or use a dict for data keyed by strings");
  public static final RuleInfo PY_INTROSPECTION =
      rule(
          "py.introspection",
          "python",
          "critical",
          "walking the object graph or the call stack (__subclasses__, __globals__, frames)",
          "do not reach into interpreter internals; use the objects and modules directly");
  public static final RuleInfo PY_INTROSPECTION_DUNDER =
      rule(
          "py.introspection.dunder",
          "python",
          "medium",
          "unusual special attributes (__self__, __wrapped__, __getattribute__, __loader__)",
          "use the object's public API instead of special attributes");
  public static final RuleInfo PY_CALLESS =
      rule(
          "py.calless",
          "python",
          "critical",
          "code run without a visible call: dangerous decorators, metaclasses or special"
              + " methods bound to exec, eval or os.system",
          "call functions explicitly; do not bind exec, eval or system calls to decorators,"
              + " metaclasses or special methods");
  public static final RuleInfo PY_CALLESS_UNUSUAL =
      rule(
          "py.calless.unusual",
          "python",
          "medium",
          "lambdas or unknown callables as decorators or metaclasses; interpreter hooks",
          "use ordinary functions and classes; metaclasses are rarely needed");
  public static final RuleInfo PY_BUILTINS_WRITE =
      rule(
          "py.builtins.write",
          "python",
          "critical",
          "replacing builtins or entries of sys.modules",
          "do not modify builtins or sys.modules; define your own names instead");
  public static final RuleInfo PY_DESERIALISATION =
      rule(
          "py.deserialisation",
          "python",
          "high",
          "deserialising objects (pickle, marshal, shelve, unsafe yaml)",
          "use json instead of pickle, and yaml.safe_load instead of yaml.load");
  public static final RuleInfo PY_SECRETS =
      rule(
          "py.secrets",
          "python",
          "medium",
          "reading host secrets or other processes' data (/etc/shadow, /proc/*/environ, ~/.ssh)",
          "read only the files of your task in the working directory");
  public static final RuleInfo PY_NETWORK =
      rule(
          "py.network",
          "python",
          "medium",
          "network access whose destination cannot be checked before the run",
          "call the allowed hosts with constant URLs");
  public static final RuleInfo PY_NETWORK_DOMAIN =
      rule(
          "py.network.domain",
          "python",
          "high",
          "network access to a host that the policy does not allow",
          "use only the allowed hosts");
  public static final RuleInfo PY_CONCEALMENT =
      rule(
          "py.concealment",
          "python",
          "critical",
          "hidden calls: modules, functions or builtins reached through names built from pieces,"
              + " characters, reversed or decoded text, and dangerous calls inside code strings",
          "write the import and the call with their plain names; code that hides what it calls"
              + " is not run");
  public static final RuleInfo PY_EVAL_EXTERNAL =
      rule(
          "py.eval.external",
          "python",
          "critical",
          "running code that comes from outside the program (stdin, environment, network, files)",
          "put the code in the program itself: code read at run time is never validated");
  public static final RuleInfo PY_NATIVE_CALL =
      rule(
          "py.native.call",
          "python",
          "critical",
          "calling into native libraries (ctypes.CDLL, cdll, pythonapi, function pointers, cffi"
              + " dlopen)",
          "use Python or the installed packages; C functions called by name bypass every check");
  public static final RuleInfo PY_DESERIALISATION_CRAFTED =
      rule(
          "py.deserialisation.crafted",
          "python",
          "critical",
          "deserialising a payload written into the program (pickle, marshal, YAML) or a"
              + " __reduce__ that returns a dangerous callable",
          "build the objects directly; a payload written by hand runs code when it is loaded");
  public static final RuleInfo PY_NETWORK_DNS =
      rule(
          "py.network.dns",
          "python",
          "high",
          "name lookups (gethostbyname, getaddrinfo, DNS queries) of names computed at run time,"
              + " which carry data out through the resolver",
          "do not resolve names yourself; call the allowed hosts by URL and let the egress proxy"
              + " resolve them");
  public static final RuleInfo PY_NETWORK_BYPASS =
      rule(
          "py.network.bypass",
          "python",
          "critical",
          "getting around the egress proxy: proxy variables changed, proxies switched off"
              + " (trust_env=False, proxies=, ProxyHandler), the proxy's socket used directly, raw"
              + " sockets",
          "leave the proxy settings alone: the allowed hosts are reachable through the proxy, and"
              + " nothing else is");
  public static final RuleInfo PY_TAMPERING =
      rule(
          "py.tampering",
          "python",
          "high",
          "start-up and persistence files (shell rc and profile files, sitecustomize, .pth, cron,"
              + " systemd units, authorized_keys, ld.so.preload, sudoers) and logs or history",
          "write only your task's files under /work or /tmp; every run starts in a fresh sandbox");
  public static final RuleInfo PY_ABUSE =
      rule(
          "py.abuse",
          "python",
          "high",
          "resource abuse: signals to other processes, processes or threads started without end,"
              + " allocation in endless loops, huge allocations",
          "bound loops and sizes, use a small fixed number of workers, and signal only the"
              + " processes you started");
  public static final RuleInfo PY_MODULES =
      rule(
          "py.modules",
          "python",
          "high",
          "importing a module that the policy does not allow",
          "use only the allowed modules");

  public static final RuleInfo JS_PROCESS =
      rule(
          "js.process",
          "javascript",
          "high",
          "starting processes or threads of code (child_process, cluster, worker_threads)",
          "do the work in JavaScript itself instead of starting a process");
  public static final RuleInfo JS_BINDING =
      rule(
          "js.binding",
          "javascript",
          "critical",
          "node internals and native code (process.binding, process.dlopen, .node addons)",
          "use node's public modules; internals and native addons are not available");
  public static final RuleInfo JS_EVAL =
      rule(
          "js.eval",
          "javascript",
          "high",
          "evaluating strings as code (eval, Function, vm, setTimeout with a string)",
          "write the code directly; to read data use JSON.parse");
  public static final RuleInfo JS_EVAL_OBFUSCATED =
      rule(
          "js.eval.obfuscated",
          "javascript",
          "critical",
          "executing decoded data (base64, atob, String.fromCharCode)",
          "write the code in plain source; encoded payloads are never run");
  public static final RuleInfo JS_IMPORT_DYNAMIC =
      rule(
          "js.import.dynamic",
          "javascript",
          "high",
          "loading modules by computed name or through the module system's internals",
          "use require('name') or import with a constant module name");
  public static final RuleInfo JS_INTROSPECTION =
      rule(
          "js.introspection",
          "javascript",
          "critical",
          "reaching the Function constructor or the call stack (constructor.constructor,"
              + " arguments.callee.caller, Error.prepareStackTrace)",
          "call functions directly; do not reach constructors or stack internals");
  public static final RuleInfo JS_PROTOTYPE =
      rule(
          "js.prototype",
          "javascript",
          "medium",
          "changing shared prototypes or globals (__proto__, Object.prototype, globalThis)",
          "keep changes to your own objects; do not modify built-in prototypes or globals");
  public static final RuleInfo JS_DESERIALISATION =
      rule(
          "js.deserialisation",
          "javascript",
          "high",
          "deserialising code-carrying data (node-serialize, v8.deserialize)",
          "use JSON.parse for data");
  public static final RuleInfo JS_SECRETS =
      rule(
          "js.secrets",
          "javascript",
          "medium",
          "reading host secrets or other processes' data (/etc/shadow, /proc/*/environ, ~/.ssh)",
          "read only the files of your task in the working directory");
  public static final RuleInfo JS_NETWORK =
      rule(
          "js.network",
          "javascript",
          "medium",
          "network access whose destination cannot be checked before the run",
          "call the allowed hosts with constant URLs");
  public static final RuleInfo JS_NETWORK_DOMAIN =
      rule(
          "js.network.domain",
          "javascript",
          "high",
          "network access to a host that the policy does not allow",
          "use only the allowed hosts");
  public static final RuleInfo JS_CONCEALMENT =
      rule(
          "js.concealment",
          "javascript",
          "critical",
          "hidden calls: modules, functions or globals reached through names built from pieces,"
              + " character codes, reversed or decoded text, and dangerous calls inside code"
              + " strings",
          "write require('name') and the call with their plain names; code that hides what it"
              + " calls is not run");
  public static final RuleInfo JS_EVAL_EXTERNAL =
      rule(
          "js.eval.external",
          "javascript",
          "critical",
          "running code that comes from outside the program (stdin, environment, network, files)",
          "put the code in the program itself: code read at run time is never validated");
  public static final RuleInfo JS_DESERIALISATION_CRAFTED =
      rule(
          "js.deserialisation.crafted",
          "javascript",
          "critical",
          "deserialising a payload written into the program that carries functions"
              + " (node-serialize's _$$ND_FUNC$$_)",
          "build the objects directly and use JSON.parse for data");
  public static final RuleInfo JS_NETWORK_DNS =
      rule(
          "js.network.dns",
          "javascript",
          "high",
          "name lookups (dns.lookup, dns.resolve*) of names computed at run time, which carry data"
              + " out through the resolver",
          "do not resolve names yourself; call the allowed hosts by URL and let the egress proxy"
              + " resolve them");
  public static final RuleInfo JS_NETWORK_BYPASS =
      rule(
          "js.network.bypass",
          "javascript",
          "critical",
          "getting around the egress proxy: proxy variables changed or deleted, the proxy's socket"
              + " used directly",
          "leave the proxy settings alone: the allowed hosts are reachable through the proxy, and"
              + " nothing else is");
  public static final RuleInfo JS_TAMPERING =
      rule(
          "js.tampering",
          "javascript",
          "high",
          "start-up and persistence files (shell rc and profile files, cron, systemd units,"
              + " authorized_keys) and logs or history",
          "write only your task's files under /work or /tmp; every run starts in a fresh sandbox");
  public static final RuleInfo JS_ABUSE =
      rule(
          "js.abuse",
          "javascript",
          "high",
          "resource abuse: signals to other processes, processes or workers started without end,"
              + " allocation in endless loops",
          "bound loops and sizes, use a small fixed number of workers, and signal only the"
              + " processes you started");
  public static final RuleInfo JS_MODULES =
      rule(
          "js.modules",
          "javascript",
          "high",
          "loading a module that the policy does not allow",
          "use only the allowed modules");

  public static final RuleInfo SH_PIPE_SHELL =
      rule(
          "sh.pipe-shell",
          "bash",
          "high",
          "downloaded or decoded text run as a script (curl | sh, eval \"$(curl ...)\")",
          "do not run downloaded or decoded scripts; write the commands out");
  public static final RuleInfo SH_DEV_TCP =
      rule(
          "sh.dev-tcp",
          "bash",
          "high",
          "raw network through /dev/tcp or /dev/udp",
          "use curl with an allowed URL");
  public static final RuleInfo SH_REVERSE_SHELL =
      rule(
          "sh.reverse-shell",
          "bash",
          "critical",
          "interactive shells wired to the network (bash -i >&, nc -e, socat exec)",
          "remove the remote shell");
  public static final RuleInfo SH_EVAL =
      rule(
          "sh.eval",
          "bash",
          "medium",
          "evaluating strings as commands (eval, bash -c \"$var\", source <(...), python -c)",
          "write the commands out instead of building them as strings");
  public static final RuleInfo SH_NETWORK =
      rule(
          "sh.network",
          "bash",
          "medium",
          "network tools (curl, wget, nc, ssh) whose destination cannot be checked",
          "call the allowed hosts with constant URLs");
  public static final RuleInfo SH_NETWORK_DOMAIN =
      rule(
          "sh.network.domain",
          "bash",
          "high",
          "network access to a host that the policy does not allow",
          "use only the allowed hosts");
  public static final RuleInfo SH_PERSISTENCE =
      rule(
          "sh.persistence",
          "bash",
          "high",
          "persistence, privilege changes and covering tracks (shell rc files, crontab, setuid"
              + " bits, authorized_keys, wiped history or logs)",
          "leave shell start-up files, cron and permissions alone: every run is fresh anyway");
  public static final RuleInfo SH_SECRETS =
      rule(
          "sh.secrets",
          "bash",
          "medium",
          "reading host secrets or other processes' data (/etc/shadow, /proc/*/environ, ~/.ssh)",
          "read only the files of your task in the working directory");

  public static final RuleInfo PY_PACKAGES =
      rule(
          "py.packages",
          "python",
          "low",
          "installing packages at run time (pip install), which the sandbox cannot do",
          "packages cannot be installed at run time (no network, a read-only /usr): use a module the"
              + " runtime lists (GET /v1/runtimes, the MCP tool list_runtimes), or ask the operator"
              + " to install the package on the host");
  public static final RuleInfo JS_PACKAGES =
      rule(
          "js.packages",
          "javascript",
          "low",
          "installing packages at run time (npm install), which the sandbox cannot do",
          "packages cannot be installed at run time (no network, a read-only /usr): use a module the"
              + " runtime lists (GET /v1/runtimes, the MCP tool list_runtimes), or ask the operator"
              + " to install the package on the host");
  public static final RuleInfo SH_PACKAGES =
      rule(
          "sh.packages",
          "bash",
          "low",
          "installing packages at run time (pip, npm, apt-get), which the sandbox cannot do",
          "packages cannot be installed at run time (no network, a read-only /usr): use a module the"
              + " runtime lists (GET /v1/runtimes, the MCP tool list_runtimes), or ask the operator"
              + " to install the package on the host");

  private static final Map<String, RuleInfo> BY_ID = index();

  private RuleCatalog() {}

  /** Every rule, in a stable order. */
  public static List<RuleInfo> all() {
    return List.copyOf(BY_ID.values());
  }

  public static Optional<RuleInfo> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * True when {@code selector} is a rule id or a dotted prefix of one ({@code py}, {@code
   * py.network}).
   */
  public static boolean selectsAny(String selector) {
    return BY_ID.keySet().stream().anyMatch(id -> Policy.selects(selector, id));
  }

  private static RuleInfo rule(
      String id, String language, String severity, String title, String remediation) {
    return new RuleInfo(id, language, severity, title, remediation);
  }

  private static Map<String, RuleInfo> index() {
    Map<String, RuleInfo> map = new LinkedHashMap<>();
    for (Field f : RuleCatalog.class.getDeclaredFields()) {
      if (f.getType() == RuleInfo.class) {
        try {
          RuleInfo r = (RuleInfo) f.get(null);
          map.put(r.id(), r);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return map;
  }
}
