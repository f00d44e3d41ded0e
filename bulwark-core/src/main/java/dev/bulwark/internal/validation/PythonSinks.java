package dev.bulwark.internal.validation;

import static dev.bulwark.policy.RuleCatalog.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What reaches Python's dangerous sinks, judged by how it was made (the runner's folding): names
 * hidden on their way to an import, an attribute fetch or a call; code decoded or read from outside
 * on its way to {@code exec}; native calls; crafted payloads for unpickling; name lookups of
 * computed names; and ways around the egress proxy.
 */
final class PythonSinks {
  /** Modules whose use under a hidden name is an attack, whatever attribute follows. */
  private static final Set<String> DANGEROUS_MODULES =
      Set.of(
          "os",
          "posix",
          "nt",
          "subprocess",
          "sys",
          "builtins",
          "__builtin__",
          "ctypes",
          "_ctypes",
          "cffi",
          "pickle",
          "_pickle",
          "cPickle",
          "dill",
          "marshal",
          "socket",
          "_socket",
          "importlib",
          "pty",
          "multiprocessing",
          "code",
          "codeop",
          "runpy",
          "shutil",
          "signal");

  /** Attribute names that run code, start processes or reach the network or native code. */
  private static final Set<String> DANGEROUS_ATTRIBUTES =
      union(
          PythonRules.PROCESS_FUNCTION_NAMES,
          Set.of(
              "run",
              "call",
              "spawn",
              "fork",
              "eval",
              "exec",
              "compile",
              "__import__",
              "import_module",
              "loads",
              "load",
              "CDLL",
              "PyDLL",
              "cdll",
              "LoadLibrary",
              "dlopen",
              "pythonapi",
              "gethostbyname",
              "gethostbyname_ex",
              "getaddrinfo",
              "socket",
              "create_connection",
              "connect",
              "urlopen",
              "kill",
              "killpg",
              "remove",
              "unlink",
              "rmtree",
              "open",
              "__subclasses__",
              "__globals__",
              "__builtins__",
              "__code__",
              "_getframe"));

  private static final Set<String> IMPORTERS =
      Set.of("__import__", "importlib.import_module", "importlib.__import__");
  private static final Set<String> ATTRIBUTE_FETCHERS =
      Set.of("getattr", "operator.attrgetter", "operator.methodcaller");

  /** Calls whose first argument is code. */
  static final Set<String> CODE_CALLS =
      Set.of(
          "eval",
          "exec",
          "compile",
          "execfile",
          "types.FunctionType",
          "types.CodeType",
          "?.runsource",
          "?.runcode",
          "timeit.timeit",
          "timeit.repeat",
          "timeit.Timer");

  private static final Set<String> NATIVE_CALLS =
      Set.of(
          "ctypes.CDLL",
          "ctypes.PyDLL",
          "ctypes.cdll.LoadLibrary",
          "ctypes.pydll.LoadLibrary",
          "ctypes.LibraryLoader",
          "ctypes.CFUNCTYPE",
          "ctypes.PYFUNCTYPE",
          "ctypes.memmove",
          "ctypes.memset",
          "ctypes.string_at",
          "ctypes.cast",
          "ctypes.util.find_library",
          "_ctypes.dlopen",
          "cffi.FFI",
          "?.dlopen");
  private static final Pattern NATIVE_PREFIX =
      Pattern.compile("^(ctypes\\.(cdll|pydll|pythonapi)\\.|_ctypes\\.)");

  private static final Set<String> RESOLVERS =
      Set.of(
          "socket.gethostbyname",
          "socket.gethostbyname_ex",
          "socket.getaddrinfo",
          "socket.gethostbyaddr",
          "socket.getnameinfo",
          "socket.getfqdn",
          "dns.resolver.resolve",
          "dns.resolver.query",
          "dns.resolver.Resolver",
          "asyncio.get_event_loop.getaddrinfo");

  private static final Set<String> RAW_SOCKETS =
      Set.of(
          "socket.AF_PACKET",
          "socket.SOCK_RAW",
          "socket.AF_NETLINK",
          "socket.IPPROTO_RAW",
          "socket.IPPROTO_ICMP",
          "socket.AF_UNIX");
  private static final Set<String> ENVIRONMENT_WRITERS =
      Set.of(
          "os.environ.pop",
          "os.environ.setdefault",
          "os.environ.update",
          "os.unsetenv",
          "os.putenv",
          "os.environ.__delitem__",
          "os.environ.__setitem__");

  private PythonSinks() {}

  /** Every sink rule for one call. */
  static void call(Summary.Call c, List<Hit> hits) {
    hidden(c, hits);
    code(c, hits);
    native_(c, hits);
    resolution(c, hits);
    bypass(c, hits);
  }

  /** A callee reached through a hidden name, a hidden module or attribute name, nested code. */
  private static void hidden(Summary.Call c, List<Hit> hits) {
    String name = c.name();
    if (c.via() != null && dangerous(name)) {
      hits.add(
          Hit.at(
              PY_CONCEALMENT,
              c,
              "a code string run by " + c.via() + "() calls " + name + "(): the call is hidden",
              "write " + name + "() in the program itself, if the task needs it at all"));
      return;
    }
    if (!c.hidden().isEmpty() && (dangerous(name) || Taint.obfuscated(c.hidden()))) {
      hits.add(
          Hit.at(
              PY_CONCEALMENT,
              c,
              "calls " + name + "() through a name " + Taint.describe(c.hidden()),
              "write " + plain(name) + " directly, if the task needs it at all"));
      return;
    }
    int at = name.equals("getattr") ? 1 : 0;
    if (!IMPORTERS.contains(name) && !ATTRIBUTE_FETCHERS.contains(name)) {
      return;
    }
    List<String> taint = c.taint(at);
    JsonNode arg = c.arg(at);
    boolean hiddenName = Taint.built(taint);
    if (!hiddenName) {
      return;
    }
    if (arg.isString()) {
      String target = arg.asString();
      String last = target.substring(target.lastIndexOf('.') + 1);
      boolean risky =
          IMPORTERS.contains(name)
              ? DANGEROUS_MODULES.contains(target.split("\\.", 2)[0])
              : DANGEROUS_ATTRIBUTES.contains(last);
      if (risky || Taint.obfuscated(taint)) {
        hits.add(
            Hit.at(
                PY_CONCEALMENT,
                c,
                name
                    + "() reaches '"
                    + target
                    + "' through a name "
                    + Taint.describe(taint)
                    + ": the program hides what it uses",
                IMPORTERS.contains(name)
                    ? "write import " + target + ", if the task needs it at all"
                    : "use ." + target + " directly, if the task needs it at all"));
      }
    } else if (Taint.obfuscated(taint)) {
      hits.add(
          Hit.at(
              PY_CONCEALMENT,
              c,
              name + "() with a name " + Taint.describe(taint) + " at run time",
              "name modules and attributes plainly in the source"));
    }
  }

  /**
   * Code that is decoded on its way to exec, eval, compile or timeit; or statements that come from
   * outside on their way to exec. An expression from outside reaching eval() is only flagged
   * (py.eval): old scripts parse numbers that way, and compile() alone runs nothing.
   */
  private static void code(Summary.Call c, List<Hit> hits) {
    if (!CODE_CALLS.contains(c.name())) {
      return;
    }
    List<String> taint = c.taint(0);
    boolean runsStatements = !c.name().equals("eval") && !c.name().equals("compile");
    if (Taint.obfuscated(taint)) {
      hits.add(
          Hit.at(
              PY_EVAL_OBFUSCATED,
              c,
              c.name() + "() runs code " + Taint.describe(taint) + ": what runs is hidden"));
    } else if (Taint.external(taint) && runsStatements) {
      hits.add(
          Hit.at(
              PY_EVAL_EXTERNAL,
              c,
              c.name() + "() runs code " + Taint.sources(taint) + ", which nothing validated"));
    }
  }

  private static void native_(Summary.Call c, List<Hit> hits) {
    String name = c.name();
    if (NATIVE_CALLS.contains(name) || NATIVE_PREFIX.matcher(name).find()) {
      hits.add(
          Hit.at(
              PY_NATIVE_CALL,
              c,
              "calls " + name + "(), which loads or calls C code by name outside every check"));
    }
  }

  private static void resolution(Summary.Call c, List<Hit> hits) {
    if (RESOLVERS.contains(c.name()) && !c.constantString(0)) {
      hits.add(
          Hit.at(
              PY_NETWORK_DNS,
              c,
              c.name()
                  + "() looks up a name computed at run time: the lookup itself carries data to"
                  + " whoever runs that domain's name servers"));
    }
  }

  private static void bypass(Summary.Call c, List<Hit> hits) {
    String name = c.name();
    JsonNode trust = c.kwargs().get("trust_env");
    if (trust != null && trust.isBoolean() && !trust.asBoolean()) {
      hits.add(Hit.at(PY_NETWORK_BYPASS, c, name + "(trust_env=False) ignores the egress proxy"));
    } else if (c.kwargs().containsKey("proxies") || c.kwargs().containsKey("proxy")) {
      hits.add(Hit.at(PY_NETWORK_BYPASS, c, name + "() sets its own proxies"));
    } else if (name.equals("urllib.request.ProxyHandler")) {
      hits.add(Hit.at(PY_NETWORK_BYPASS, c, "ProxyHandler() replaces the egress proxy"));
    } else if (ENVIRONMENT_WRITERS.contains(name) && namesProxy(c)) {
      hits.add(Hit.at(PY_NETWORK_BYPASS, c, name + "() changes the proxy variables"));
    } else if (name.equals("socket.socket")) {
      for (JsonNode a : c.args()) {
        String ref = a == null ? "" : a.path("ref").asString("");
        if (RAW_SOCKETS.contains(ref) && !ref.equals("socket.AF_UNIX")) {
          hits.add(
              Hit.at(
                  PY_NETWORK_BYPASS,
                  c,
                  "opens a " + ref + " socket, which does not go through the egress proxy"));
          return;
        }
      }
    }
  }

  private static boolean namesProxy(Summary.Call c) {
    return c.args().stream()
            .anyMatch(a -> a != null && SharedChecks.PROXY.matcher(a.asString("")).find())
        || c.kwargs().keySet().stream().anyMatch(k -> SharedChecks.PROXY.matcher(k).find());
  }

  /** A reference passed to another call: a dangerous callable run without a visible call. */
  static void passed(Summary.Name r, boolean dangerous, List<Hit> hits) {
    if (r.argOf() == null
        || !dangerous
        || Set.of("print", "repr", "id", "type", "isinstance", "callable", "hasattr", "getattr")
            .contains(r.argOf())) {
      return;
    }
    hits.add(
        Hit.at(
            PY_CALLESS,
            r,
            "passes "
                + r.name()
                + " to "
                + r.argOf()
                + "(), which calls it out of sight (functools.partial, map, atexit, threads"
                + " and the like)",
            "call " + r.name() + "() directly where it is needed, if the task needs it at all"));
  }

  /** A hook installed by assignment or by a call, and what it would run. */
  static void hook(Summary.Positioned at, String hook, List<String> runs, List<Hit> hits) {
    for (String r : runs) {
      if (dangerous(r)) {
        hits.add(
            Hit.at(
                PY_CALLESS,
                at,
                hook + " installs code that calls " + r + "() later, out of sight",
                "call what you need directly, in the program's own flow"));
        return;
      }
    }
  }

  /** A string naming the proxy's variables or socket. */
  static Hit proxyText(Summary.Text t) {
    if (!SharedChecks.PROXY.matcher(t.value()).find()) {
      return null;
    }
    return Hit.at(
        PY_NETWORK_BYPASS,
        t,
        "names "
            + t.value()
            + ", part of the egress proxy: changing or using it directly gets"
            + " around the proxy's checks");
  }

  /** A write into the proxy configuration of the process or a client. */
  static void write(Summary.Write w, List<Hit> hits) {
    String t = w.target();
    int open = t.indexOf('[');
    if (t.startsWith("os.environ[")
        && open >= 0
        && SharedChecks.PROXY.matcher(t.substring(open + 1, t.length() - 1)).find()) {
      hits.add(Hit.at(PY_NETWORK_BYPASS, w, "changes " + t + ", a proxy variable"));
    } else if (t.endsWith(".trust_env") || t.endsWith(".proxies")) {
      hits.add(Hit.at(PY_NETWORK_BYPASS, w, "sets " + t + ": the client's own proxy settings"));
    }
    String last = t.substring(t.lastIndexOf('.') + 1);
    if (last.endsWith("hook")) {
      hook(w, t, w.runs(), hits);
    }
  }

  /** A crafted payload for unpickling: constant data, data built in the program, a gadget. */
  static boolean crafted(Summary.Call c) {
    return c.constantString(0)
        || Taint.obfuscated(c.taint(0))
        || !c.payload().isEmpty()
        || c.argCalls().stream().anyMatch(a -> a.endsWith(".dumps"));
  }

  /** True for what runs code, starts processes, loads modules or native code, or unpickles. */
  static boolean dangerous(String name) {
    String last = name.substring(name.lastIndexOf('.') + 1);
    return PythonRules.isDangerous(name)
        || CODE_CALLS.contains(name)
        || NATIVE_CALLS.contains(name)
        || RESOLVERS.contains(name)
        || name.startsWith("ctypes.")
        || (DANGEROUS_MODULES.contains(name.split("\\.", 2)[0])
            && DANGEROUS_ATTRIBUTES.contains(last));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }

  private static String plain(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name + "()" : "import " + name.substring(0, dot) + " and " + name + "()";
  }
}
