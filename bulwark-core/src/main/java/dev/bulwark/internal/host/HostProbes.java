package dev.bulwark.internal.host;

import dev.bulwark.spi.HostCheck;
import dev.bulwark.spi.HostCheck.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the host offers sandboxes, looked at without changing it: kernel settings from /proc, and
 * what a program says of itself. Stateless.
 */
public final class HostProbes {
  private static final Logger LOG = LoggerFactory.getLogger(HostProbes.class);

  private HostProbes() {}

  /**
   * Whether an unprivileged process may create a user namespace, which both bubblewrap and gVisor's
   * rootless {@code runsc} need, and the fix when it may not.
   */
  public static HostCheck userNamespaces() {
    String max = read("/proc/sys/user/max_user_namespaces");
    if (max.equals("0")) {
      return new HostCheck(
          "user namespaces",
          Level.FAIL,
          "user.max_user_namespaces is 0",
          "sysctl -w user.max_user_namespaces=15000");
    }
    if (read("/proc/sys/kernel/unprivileged_userns_clone").equals("0")) {
      return new HostCheck(
          "user namespaces",
          Level.FAIL,
          "unprivileged user namespaces are disabled",
          "sysctl -w kernel.unprivileged_userns_clone=1");
    }
    if (read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").equals("1")) {
      return new HostCheck(
          "user namespaces",
          Level.FAIL,
          "AppArmor restricts unprivileged user namespaces",
          "add an AppArmor profile allowing userns for /usr/bin/bwrap and /usr/bin/runsc, or"
              + " sysctl -w kernel.apparmor_restrict_unprivileged_userns=0");
    }
    return new HostCheck(
        "user namespaces", Level.OK, "available (max " + (max.isEmpty() ? "?" : max) + ")", "");
  }

  /**
   * A small /proc or /sys file, read in one call: a sysctl file answers a short first read with a
   * short value and then end of file, so a reader that starts small (as {@link Files#readString}
   * does for files that report size 0) sees only the first digit. Empty when it cannot be read (a
   * kernel without that setting).
   */
  public static String read(String file) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      LOG.debug("cannot read {}: {}", file, e.toString());
      return "";
    }
  }

  /**
   * What a short command prints (stdout and stderr, at most 4 KiB), waiting at most 10 s: a
   * version, a help text. The exception's message when it cannot start.
   */
  public static String capture(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return out;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
