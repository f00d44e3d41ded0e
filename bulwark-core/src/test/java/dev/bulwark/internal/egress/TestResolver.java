package dev.bulwark.internal.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/** A resolver whose answers a test decides: a name it does not list does not resolve. */
final class TestResolver {
  private TestResolver() {}

  static Destinations.Resolver answering(Map<String, List<String>> answers) {
    return host -> {
      List<String> found = answers.get(host);
      if (found == null) {
        throw new UnknownHostException(host);
      }
      InetAddress[] out = new InetAddress[found.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = InetAddress.ofLiteral(found.get(i));
      }
      return out;
    };
  }
}
