package dev.bulwark.internal.layout;

import dev.bulwark.internal.egress.EgressProxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The environment a sandbox's program starts with, whatever the tier: no host variable gets in. */
public final class SandboxEnv {
  private SandboxEnv() {}

  /** The small environment every sandbox starts with. */
  public static Map<String, String> base() {
    return Map.of(
        "PATH", "/usr/local/bin:/usr/bin:/bin",
        "HOME", "/work",
        "USER", "sandbox",
        "LANG", "C.UTF-8",
        "TMPDIR", "/tmp",
        "TERM", "dumb");
  }

  /** What points programs at the egress forwarder: as egress-forwarder.py's ENV. */
  public static Map<String, String> proxy() {
    String url = "http://127.0.0.1:" + EgressProxy.SANDBOX_PORT;
    String local = "localhost,127.0.0.1,::1";
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")) {
      env.put(name, url);
      env.put(name.toLowerCase(Locale.ROOT), url);
    }
    env.put("NO_PROXY", local);
    env.put("no_proxy", local);
    return env;
  }
}
