package dev.bulwark.internal.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * Which addresses a program may reach through the proxy: public unicast only. Loopback, private,
 * shared, link-local (where cloud metadata answers), multicast, reserved and every IPv6 form that
 * embeds an IPv4 address are refused, unless the operator mapped the host there.
 */
final class Addresses {
  /** An IPv4 literal as people write it: four decimal octets, no leading zeros. */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private Addresses() {}

  /** Why {@code a} is refused, or null when it is a public unicast address. */
  static String refusal(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int o0 = b[0] & 0xff, o1 = b[1] & 0xff;
      if (o0 == 127) {
        return "loopback";
      }
      if (o0 == 10 || (o0 == 172 && (o1 & 0xf0) == 16) || (o0 == 192 && o1 == 168)) {
        return "private";
      }
      if (o0 == 169 && o1 == 254) {
        return "link-local (cloud metadata)";
      }
      if (o0 == 100 && (o1 & 0xc0) == 64) {
        return "shared address space";
      }
      if (o0 == 0 || o0 >= 224 || (o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0)) {
        return "reserved";
      }
      if (o0 == 198 && (o1 & 0xfe) == 18) {
        return "benchmarking";
      }
      return null;
    }
    if (a instanceof Inet6Address) {
      if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
        return "loopback";
      }
      if (a.isLinkLocalAddress() || a.isSiteLocalAddress()) {
        return "link-local";
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return "private (unique local)";
      }
      if ((b[0] & 0xff) == 0xff) {
        return "multicast";
      }
      boolean zeros = true;
      for (int i = 0; i < 10; i++) {
        zeros &= b[i] == 0;
      }
      if (zeros) { // ::a.b.c.d and ::ffff:a.b.c.d
        return "an IPv4 address written as IPv6";
      }
      if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
        return "6to4 (embeds an IPv4 address)";
      }
      if ((b[0] & 0xff) == 0x00
          && (b[1] & 0xff) == 0x64
          && (b[2] & 0xff) == 0xff
          && (b[3] & 0xff) == 0x9b) {
        return "NAT64 (embeds an IPv4 address)";
      }
      return null;
    }
    return "not an IP address";
  }

  /**
   * An IP literal in its one plain spelling ({@code 93.184.216.34}, {@code [2606:2800::1]}), or
   * null for any other: decimal ({@code 2130706433}), hex, octal and short forms are refused, as
   * programs use them to slip past filters.
   */
  static InetAddress plainLiteral(String host) {
    if (host.startsWith("[") && host.endsWith("]")) {
      try {
        return InetAddress.ofLiteral(host.substring(1, host.length() - 1));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (DOTTED_QUAD.matcher(host).matches()) {
      return InetAddress.ofLiteral(host);
    }
    return null;
  }
}
