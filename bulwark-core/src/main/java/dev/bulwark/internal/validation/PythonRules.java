package dev.bulwark.internal.validation;

import static dev.bulwark.policy.RuleCatalog.*;

import dev.bulwark.internal.net.Hosts;
import dev.bulwark.policy.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The Python rules: DESIGN.md §4 rows 1-7 and the network, over a runner's summary. */
final class PythonRules {
  private static final Set<String> PROCESS_MODULES =
      Set.of("subprocess", "pty", "pexpect", "sh", "plumbum", "commands", "popen2");
  private static final Set<String> PROCESS_CALLS =
      Set.of(
          "os.system",
          "os.popen",
          "os.fork",
          "os.forkpty",
          "os.posix_spawn",
          "os.posix_spawnp",
          "os.startfile",
          "platform.popen",
          "asyncio.create_subprocess_exec",
          "asyncio.create_subprocess_shell",
          "multiprocessing.util.spawnv_passfds");
  private static final Set<String> NATIVE_MODULES = Set.of("ctypes", "_ctypes", "cffi");
  private static final Set<String> EVAL_CALLS =
      Set.of(
          "eval",
          "exec",
          "compile",
          "execfile",
          "code.interact",
          "runpy.run_path",
          "runpy.run_module",
          "code.InteractiveInterpreter",
          "code.InteractiveConsole",
          "?.runsource",
          "?.runcode",
          "types.FunctionType",
          "types.CodeType");
  private static final Set<String> DECODERS =
      Set.of(
          "base64.b64decode",
          "base64.b32decode",
          "base64.b16decode",
          "base64.a85decode",
          "base64.b85decode",
          "base64.decodebytes",
          "base64.urlsafe_b64decode",
          "codecs.decode",
          "zlib.decompress",
          "bz2.decompress",
          "lzma.decompress",
          "gzip.decompress",
          "bytes.fromhex",
          "bytearray.fromhex",
          "binascii.unhexlify",
          "binascii.a2b_base64",
          "binascii.a2b_hex",
          "marshal.loads",
          "?.decode",
          "?.decompress",
          "?.fromhex",
          "?.b64decode",
          "?.translate",
          "reversed");
  private static final Set<String> IMPORT_CALLS =
      Set.of(
          "__import__",
          "importlib.import_module",
          "importlib.__import__",
          "imp.load_source",
          "imp.load_module",
          "importlib.util.spec_from_file_location",
          "importlib.machinery.SourceFileLoader",
          "importlib.util.module_from_spec",
          "pkgutil.resolve_name");

  /** Functions that start processes, by the attribute name code may reach them with. */
  static final Set<String> PROCESS_FUNCTION_NAMES =
      Set.of(
          "system",
          "popen",
          "Popen",
          "check_output",
          "check_call",
          "getoutput",
          "getstatusoutput",
          "posix_spawn",
          "posix_spawnp",
          "execv",
          "execve",
          "execvp",
          "execvpe",
          "execl",
          "execle",
          "execlp",
          "execlpe",
          "spawnv",
          "spawnve",
          "spawnvp",
          "spawnl",
          "spawnlp",
          "forkpty");

  private static final Set<String> ATTRIBUTE_BY_NAME =
      Set.of("getattr", "operator.attrgetter", "operator.methodcaller");
  private static final Set<String> ESCAPES =
      Set.of(
          "__subclasses__",
          "__globals__",
          "__builtins__",
          "__code__",
          "__closure__",
          "f_globals",
          "f_locals",
          "f_builtins",
          "f_back",
          "gi_frame",
          "cr_frame",
          "ag_frame",
          "tb_frame",
          "co_code",
          "func_globals",
          "func_code",
          "_getframe");
  private static final Set<String> UNUSUAL_DUNDERS =
      Set.of(
          "__mro__",
          "__bases__",
          "__base__",
          "__self__",
          "__func__",
          "__wrapped__",
          "__getattribute__",
          "__loader__",
          "__spec__",
          "__reduce__",
          "__reduce_ex__",
          "__traceback__",
          "f_code",
          "gi_code",
          "cr_code",
          "tb_next",
          "co_consts");
  private static final Set<String> FRAME_CALLS =
      Set.of(
          "sys._getframe",
          "sys._current_frames",
          "inspect.currentframe",
          "inspect.stack",
          "inspect.trace",
          "inspect.getouterframes",
          "inspect.getinnerframes",
          "gc.get_objects",
          "gc.get_referrers",
          "gc.get_referents");
  private static final Set<String> HOOK_CALLS =
      Set.of(
          "sys.settrace",
          "sys.setprofile",
          "sys.addaudithook",
          "threading.settrace",
          "threading.setprofile");

  /** Calls that keep a callable to run it later: what they are handed runs out of sight. */
  private static final Set<String> LATER_CALLS =
      Set.of("atexit.register", "signal.signal", "weakref.finalize");

  private static final Set<String> SAFE_METACLASSES =
      Set.of("abc.ABCMeta", "enum.EnumMeta", "enum.EnumType", "type", "typing.Protocol");
  private static final Set<String> HIDDEN_TRIGGERS =
      Set.of("__init_subclass__", "__class_getitem__", "__set_name__");
  private static final Set<String> PICKLE_MODULES =
      Set.of("pickle", "_pickle", "cPickle", "dill", "cloudpickle", "marshal");
  private static final Set<String> DESERIALISE_CALLS =
      Set.of(
          "shelve.open",
          "jsonpickle.decode",
          "yaml.unsafe_load",
          "yaml.full_load",
          "yaml.load_all",
          "yaml.unsafe_load_all",
          "joblib.load",
          "pandas.read_pickle",
          "torch.load",
          "numpy.load");
  private static final Set<String> SAFE_YAML_LOADERS =
      Set.of("yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader");
  private static final Set<String> NETWORK_MODULES =
      Set.of(
          "socket",
          "urllib.request",
          "urllib3",
          "http.client",
          "requests",
          "httpx",
          "aiohttp",
          "smtplib",
          "ftplib",
          "telnetlib",
          "poplib",
          "imaplib",
          "nntplib",
          "xmlrpc.client",
          "websocket",
          "websockets",
          "paramiko",
          "pycurl",
          "dns",
          "scapy");

  /** Calls that take a bare host name, not only URLs. */
  private static final Set<String> HOST_CALLS =
      Set.of(
          "http.client.HTTPConnection",
          "http.client.HTTPSConnection",
          "smtplib.SMTP",
          "smtplib.SMTP_SSL",
          "ftplib.FTP",
          "ftplib.FTP_TLS",
          "telnetlib.Telnet",
          "poplib.POP3",
          "imaplib.IMAP4",
          "imaplib.IMAP4_SSL",
          "socket.gethostbyname",
          "socket.gethostbyname_ex",
          "socket.getaddrinfo",
          "socket.create_connection",
          "asyncio.open_connection",
          "paramiko.SSHClient.connect",
          "?.connect",
          "?.connect_ex",
          "?.sendto");

  /** Calls that reach the network whatever their arguments. */
  private static final Set<String> SENDING_CALLS =
      Set.of(
          "urllib.request.urlopen",
          "urllib.request.Request",
          "urllib.request.urlretrieve",
          "requests.get",
          "requests.post",
          "requests.put",
          "requests.patch",
          "requests.delete",
          "requests.head",
          "requests.options",
          "requests.request",
          "httpx.get",
          "httpx.post",
          "httpx.put",
          "httpx.patch",
          "httpx.delete",
          "httpx.head",
          "httpx.request",
          "httpx.stream",
          "websocket.create_connection",
          "websockets.connect");

  private static final Pattern MEMORY =
      Pattern.compile("(^|/)proc/[^/]*/mem\\b|^/dev/k?mem\\b|^/dev/port\\b|^/proc/kcore");
  private static final Pattern ESCAPE_TEXT =
      Pattern.compile(
          "__(subclasses|globals|builtins|code|closure)__|\\b(f_globals|f_locals|f_builtins"
              + "|f_back|gi_frame|cr_frame|ag_frame|tb_frame|co_code|func_globals|_getframe)\\b");
  private static final Pattern SHARED_LIBRARY = Pattern.compile("\\.(so|pyd|dylib)(\\.\\d+)*$");
  private static final Pattern FORMAT_DUNDER = Pattern.compile("\\{[^{}]*\\.__\\w+__");

  private PythonRules() {}

  static List<Hit> check(Summary s, Policy policy) {
    List<Hit> hits = new ArrayList<>();
    boolean urlsAllowed =
        NetworkTargets.urlsAllAllowed(
            s.strings().stream().map(Summary.Text::value).toList(), policy);
    if (s.encoding() != null && !s.encoding().equals("utf-8")) {
      hits.add(
          new Hit(
              PY_ENCODING,
              1,
              1,
              "the source declares the encoding '" + s.encoding() + "'; only UTF-8 is accepted",
              null));
    }
    boolean usesNetwork = false;
    for (Summary.Import i : s.imports()) {
      String module = i.name() == null ? i.module() : i.module() + "." + i.name();
      String top = root(i.module());
      if (!policy.allowsModule(i.module())) {
        hits.add(SharedChecks.moduleNotAllowed(PY_MODULES, i, top, policy));
      }
      if (PROCESS_MODULES.contains(top) || PROCESS_CALLS.contains(module)) {
        hits.add(Hit.at(PY_PROCESS, i, "imports " + module + ", which starts processes"));
      } else if (NATIVE_MODULES.contains(top)) {
        hits.add(Hit.at(PY_NATIVE, i, "imports " + top + ", which calls native code"));
      } else if (isNetworkModule(module)) {
        usesNetwork = true;
        if (policy.networkAllow().isEmpty()) {
          hits.add(SharedChecks.networkWithoutHosts(PY_NETWORK, i, module));
        }
      }
    }
    for (Summary.Call c : s.calls()) {
      call(c, policy, urlsAllowed, hits);
      PythonSinks.call(c, hits);
      Abuse.python(c, hits);
    }
    for (Summary.Resource r : s.resources()) {
      Abuse.resource(r, PY_ABUSE, hits);
    }
    for (Summary.Name r : s.refs()) {
      // A dangerous function passed or stored rather than called: atexit.register(os.system).
      String name = r.name();
      PythonSinks.passed(r, isDangerous(name), hits);
      if (r.via() != null && PythonSinks.dangerous(name)) {
        hits.add(
            Hit.at(
                PY_CONCEALMENT,
                r,
                "a code string run by " + r.via() + "() uses " + name + ": the use is hidden"));
      }
      if (isProcess(name)) {
        hits.add(Hit.at(PY_PROCESS, r, "refers to " + name + ", which starts processes"));
      } else if (EVAL_CALLS.contains(name)) {
        hits.add(Hit.at(PY_EVAL, r, "refers to " + name + " without calling it directly"));
      } else if (IMPORT_CALLS.contains(name) || name.equals("sys.modules")) {
        hits.add(Hit.at(PY_IMPORT_DYNAMIC, r, "uses " + name + " to reach modules by name"));
      }
    }
    for (Summary.Name a : s.attrs()) {
      if (ESCAPES.contains(a.name())) {
        hits.add(
            Hit.at(PY_INTROSPECTION, a, "uses " + a.name() + ", a way into interpreter internals"));
      } else if (UNUSUAL_DUNDERS.contains(a.name())) {
        hits.add(Hit.at(PY_INTROSPECTION_DUNDER, a, "uses the special attribute " + a.name()));
      }
    }
    for (Summary.Text t : s.strings()) {
      string(t, hits);
    }
    for (Summary.Decorator d : s.decorators()) {
      if (d.name() != null && isDangerous(d.name())) {
        hits.add(Hit.at(PY_CALLESS, d, "the decorator @" + d.name() + " runs code without a call"));
      } else if (d.isLambda()) {
        hits.add(Hit.at(PY_CALLESS_UNUSUAL, d, "a lambda used as a decorator"));
      }
    }
    for (Summary.ClassDef c : s.classes()) {
      Summary.Metaclass m = c.metaclass();
      if (m == null) {
        continue;
      }
      if (m.name() != null && isDangerous(m.name())) {
        hits.add(
            Hit.at(PY_CALLESS, c, "class " + c.name() + " uses " + m.name() + " as metaclass"));
      } else if (m.isLambda()) {
        hits.add(
            Hit.at(PY_CALLESS_UNUSUAL, c, "class " + c.name() + " uses a lambda as metaclass"));
      } else if (m.name() != null
          && !SAFE_METACLASSES.contains(m.name())
          && !m.name().startsWith("typing.")) {
        hits.add(
            Hit.at(PY_CALLESS_UNUSUAL, c, "class " + c.name() + " uses the metaclass " + m.name()));
      }
    }
    for (Summary.Binding b : s.bindings()) {
      binding(b, hits);
    }
    for (Summary.Write w : s.writes()) {
      write(w, hits);
      PythonSinks.write(w, hits);
    }
    if (usesNetwork) {
      Set<Integer> checked = new HashSet<>();
      hits.stream()
          .filter(h -> h.rule().equals(PY_NETWORK_DOMAIN))
          .forEach(h -> checked.add(h.line()));
      for (Summary.Text t : s.strings()) {
        if (t.value().contains("://") && !checked.contains(t.line())) {
          NetworkTargets.refuse(
              Hosts.ofUrl(t.value(), false).stream().toList(),
              PY_NETWORK,
              t.line(),
              t.col(),
              "a URL in the code",
              policy,
              hits);
        }
      }
    }
    return hits;
  }

  private static void call(Summary.Call c, Policy policy, boolean urlsAllowed, List<Hit> hits) {
    String name = c.name();
    if (isProcess(name)) {
      hits.add(Hit.at(PY_PROCESS, c, "calls " + name + ", which starts a process"));
      PackageInstall.inCall(c)
          .ifPresent(cmd -> hits.add(Hit.at(PY_PACKAGES, c, "installs packages: " + cmd)));
    } else if (name.equals("pip.main") || name.startsWith("pip._internal.")) {
      hits.add(Hit.at(PY_PACKAGES, c, "installs packages with " + name + "()"));
    } else if (NATIVE_MODULES.contains(root(name))) {
      hits.add(Hit.at(PY_NATIVE, c, "calls " + name + ", native code"));
    } else if (EVAL_CALLS.contains(name)) {
      if (c.argCalls().stream().anyMatch(DECODERS::contains)) {
        hits.add(
            Hit.at(
                PY_EVAL_OBFUSCATED,
                c,
                "runs decoded data with " + name + " (" + c.argCalls().getFirst() + ")"));
      } else {
        hits.add(
            Hit.at(
                PY_EVAL,
                c,
                c.constantString(0)
                    ? "runs a string as code with " + name + "()"
                    : "runs code computed at run time with " + name + "()"));
      }
    } else if (IMPORT_CALLS.contains(name)) {
      hits.add(
          Hit.at(
              PY_IMPORT_DYNAMIC,
              c,
              c.constantString(0)
                  ? "imports '" + c.arg(0).asString() + "' with " + name + "()"
                  : "imports a module whose name is computed at run time with " + name + "()",
              c.constantString(0)
                  ? "write import " + c.arg(0).asString()
                  : "use a plain import statement with the module's name"));
    } else if (name.startsWith("sys.modules.")) {
      hits.add(Hit.at(PY_IMPORT_DYNAMIC, c, "looks modules up by name with " + name + "()"));
    } else if (ATTRIBUTE_BY_NAME.contains(name)
        && PROCESS_FUNCTION_NAMES.contains(c.arg(name.equals("getattr") ? 1 : 0).asString(""))) {
      hits.add(
          Hit.at(
              PY_PROCESS,
              c,
              "reaches '"
                  + c.arg(name.equals("getattr") ? 1 : 0).asString()
                  + "' by name with "
                  + name
                  + "(), a function that starts processes"));
    } else if (c.dynamic()) {
      hits.add(
          Hit.at(PY_GETATTR_DYNAMIC, c, name + "() with an attribute name computed at run time"));
    } else if (FRAME_CALLS.contains(name)) {
      hits.add(
          Hit.at(PY_INTROSPECTION, c, "calls " + name + ", which reaches frames or all objects"));
    } else if (HOOK_CALLS.contains(name)) {
      hits.add(Hit.at(PY_CALLESS_UNUSUAL, c, "installs an interpreter hook with " + name));
      PythonSinks.hook(c, name + "()", c.runs(), hits);
    } else if (LATER_CALLS.contains(name)) {
      PythonSinks.hook(c, name + "()", c.runs(), hits);
    } else if (name.equals("netrc.netrc")) {
      hits.add(Hit.at(PY_SECRETS, c, "reads .netrc, which holds passwords for other hosts"));
    } else if (name.equals("?.__subclasses__")) {
      hits.add(Hit.at(PY_INTROSPECTION, c, "calls __subclasses__(), a way into every class"));
    } else if (isDeserialising(c) && PythonSinks.crafted(c)) {
      hits.add(
          Hit.at(
              PY_DESERIALISATION_CRAFTED,
              c,
              name
                  + "() loads a payload made in the program"
                  + (c.payload().isEmpty()
                      ? ""
                      : " that calls " + String.join(", ", c.payload()) + " when loaded")));
    } else if (isDeserialising(c)) {
      hits.add(Hit.at(PY_DESERIALISATION, c, "deserialises with " + name + "()"));
    } else if ((name.equals("setattr") || name.equals("delattr"))
        && c.arg(0).path("ref").asString("").matches("builtins|__builtins__|sys\\.modules")) {
      hits.add(Hit.at(PY_BUILTINS_WRITE, c, name + "() on " + c.arg(0).get("ref").asString()));
    }
    network(c, policy, urlsAllowed, hits);
  }

  private static void network(Summary.Call c, Policy policy, boolean urlsAllowed, List<Hit> hits) {
    String name = c.name();
    boolean hostCall = HOST_CALLS.contains(name);
    boolean method = name.startsWith("?.");
    boolean networkCall =
        hostCall || SENDING_CALLS.contains(name) || (isNetworkModule(name) && !method);
    if (!networkCall && !method) {
      return;
    }
    List<Hosts.Target> targets = NetworkTargets.of(c, hostCall);
    NetworkTargets.refuse(targets, PY_NETWORK_DOMAIN, c.line(), c.col(), name + "()", policy, hits);
    boolean address = hostCall && method && NetworkTargets.hasAddress(c); // s.connect((h, p))
    if (targets.isEmpty()
        && !urlsAllowed
        && (SENDING_CALLS.contains(name) || (hostCall && !method) || address)) {
      hits.add(
          Hit.at(
              PY_NETWORK,
              c,
              name
                  + "() with a destination computed at run time: it cannot be checked against"
                  + " the allowed hosts"
                  + (policy.networkAllow().isEmpty()
                      ? " (none are allowed)"
                      : " (" + String.join(", ", policy.networkAllow()) + ")")));
    }
  }

  private static void string(Summary.Text t, List<Hit> hits) {
    String v = t.value();
    Matcher escape = ESCAPE_TEXT.matcher(v);
    if (escape.find()) {
      hits.add(
          Hit.at(
              PY_INTROSPECTION,
              t,
              "a string names " + escape.group() + ", a way into interpreter internals"));
      return;
    }
    if (FORMAT_DUNDER.matcher(v).find()) {
      hits.add(
          Hit.at(PY_INTROSPECTION, t, "a format string reaches special attributes: " + cut(v)));
    } else if (MEMORY.matcher(v).find()) {
      hits.add(Hit.at(PY_NATIVE_MEMORY, t, "names raw memory: " + cut(v)));
    } else if (SHARED_LIBRARY.matcher(v).find()) {
      hits.add(Hit.at(PY_NATIVE, t, "names a shared library: " + cut(v)));
    } else {
      Hit file = SharedChecks.file(t, PY_TAMPERING, PY_SECRETS);
      Hit proxy = PythonSinks.proxyText(t);
      if (file != null) {
        hits.add(file);
      } else if (proxy != null) {
        hits.add(proxy);
      }
    }
  }

  private static void binding(Summary.Binding b, List<Hit> hits) {
    String target = b.target() == null ? "" : b.target();
    boolean dunder = target.startsWith("__") && target.endsWith("__");
    if (dunder && b.value() != null && isDangerous(b.value())) {
      hits.add(
          Hit.at(
              PY_CALLESS,
              b,
              target
                  + " is bound to "
                  + b.value()
                  + " ("
                  + b.context()
                  + "): an operator or"
                  + " attribute access would run it"));
    } else if (b.context().equals("reduce") && b.value() != null && isDangerous(b.value())) {
      hits.add(
          Hit.at(
              PY_DESERIALISATION_CRAFTED,
              b,
              target + " returns " + b.value() + ": unpickling the object calls it"));
    } else if (b.context().equals("def")
        && (target.equals("__reduce__") || target.equals("__reduce_ex__"))) {
      hits.add(
          Hit.at(
              PY_DESERIALISATION,
              b,
              "defines " + target + ", which controls what unpickling runs"));
    } else if (b.context().equals("def") && HIDDEN_TRIGGERS.contains(target)) {
      hits.add(Hit.at(PY_CALLESS_UNUSUAL, b, "defines " + target + ", which runs without a call"));
    }
  }

  private static void write(Summary.Write w, List<Hit> hits) {
    String t = w.target();
    if (t.startsWith("__builtins__")
        || t.startsWith("builtins.")
        || t.startsWith("builtins[")
        || t.startsWith("sys.modules")
        || t.startsWith("sys.meta_path")
        || t.startsWith("sys.path_hooks")
        || t.startsWith("sys.path_importer_cache")) {
      hits.add(Hit.at(PY_BUILTINS_WRITE, w, "assigns to " + t));
    } else if ((t.startsWith("sys.") && t.endsWith("hook"))
        || t.endsWith(".excepthook")
        || t.equals("globals()[]")) {
      hits.add(Hit.at(PY_CALLESS_UNUSUAL, w, "assigns to " + t));
    }
  }

  private static boolean isDeserialising(Summary.Call c) {
    String name = c.name();
    if (name.equals("yaml.load")) {
      String loader =
          c.kwargs().containsKey("Loader")
              ? c.kwargs().get("Loader").path("ref").asString("")
              : c.arg(1).path("ref").asString("");
      return !SAFE_YAML_LOADERS.contains(loader);
    }
    if (name.equals("numpy.load")) {
      JsonNode allow = c.kwargs().get("allow_pickle");
      return allow != null && allow.asBoolean(true);
    }
    if (name.equals("torch.load")) {
      JsonNode weightsOnly = c.kwargs().get("weights_only");
      return weightsOnly == null || !weightsOnly.asBoolean(false);
    }
    return DESERIALISE_CALLS.contains(name)
        || (PICKLE_MODULES.contains(root(name))
            && (name.endsWith(".load") || name.endsWith(".loads") || name.endsWith(".Unpickler")));
  }

  private static boolean isProcess(String name) {
    if (name.startsWith("posix.") || name.startsWith("nt.")) {
      name = "os." + name.substring(name.indexOf('.') + 1); // os re-exports them
    }
    return PROCESS_CALLS.contains(name)
        || (PROCESS_MODULES.contains(root(name)) && name.contains("."))
        || name.startsWith("os.exec")
        || name.startsWith("os.spawn")
        || name.equals("pty.spawn");
  }

  /** A callable that runs code or commands: what a call-less trigger must never be bound to. */
  static boolean isDangerous(String name) {
    return isProcess(name)
        || EVAL_CALLS.contains(name)
        || IMPORT_CALLS.contains(name)
        || name.equals("breakpoint")
        || name.equals("os.system");
  }

  private static boolean isNetworkModule(String module) {
    for (String m : NETWORK_MODULES) {
      if (module.startsWith(m)
          && (module.length() == m.length() || module.charAt(m.length()) == '.')) {
        return true;
      }
    }
    return false;
  }

  private static String root(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }

  private static String cut(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
