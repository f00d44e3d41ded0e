package dev.bulwark.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostsTest {
  private static final List<String> ALLOW =
      List.of("api.example.com", "*.example.org", "db.example.net:5432");

  @Test
  void urlsGiveTheirHostAndPort() {
    assertThat(Hosts.ofUrl("https://user:pw@API.Example.com.:8443/x?y", true))
        .contains(new Hosts.Target("api.example.com", 8443, true));
    assertThat(Hosts.ofUrl("http://[::ffff:127.0.0.1]/", true).orElseThrow().host())
        .isEqualTo("[::ffff:127.0.0.1]");
    assertThat(Hosts.ofUrl("https://api.example.com", true).orElseThrow().port()).isEqualTo(443);
    assertThat(Hosts.ofUrl("not a url", true)).isEmpty();
  }

  @Test
  void aConstantBeginningNamesAHostOnlyWhenTheHostIsComplete() {
    assertThat(Hosts.ofUrl("https://api.example.com/users/", false)).isPresent();
    assertThat(Hosts.ofUrl("https://api.example.com:8080", false)).isPresent();
    assertThat(Hosts.ofUrl("https://api.example.", false))
        .as("the rest of the host follows")
        .isEmpty();
  }

  @Test
  void exactHostsWildcardSubdomainsAndPortsAreMatched() {
    assertThat(allows("api.example.com", 443)).isTrue();
    assertThat(allows("www.example.com", 443)).isFalse();
    assertThat(allows("a.b.example.org", 443)).isTrue();
    assertThat(allows("example.org", 443)).as("*.domain is its subdomains, not itself").isFalse();
    assertThat(allows("evilexample.org", 443)).isFalse();
    assertThat(allows("db.example.net", 5432)).isTrue();
    assertThat(allows("db.example.net", 22)).isFalse();
  }

  @Test
  void ipLiteralsInAnySpellingAreNeverMatchedByWildcards() {
    for (String ip :
        List.of("169.254.169.254", "2130706433", "0x7f000001", "0177.0.0.1", "[::1]", "10.0.0.*")) {
      assertThat(Hosts.isIpLiteral(ip)).as(ip).isTrue();
      assertThat(Hosts.allows(List.of("*.0.0.1", "*.254"), new Hosts.Target(ip, 80, false)))
          .as(ip)
          .isFalse();
    }
    assertThat(Hosts.isIpLiteral("api.example.com")).isFalse();
    assertThat(Hosts.isIpLiteral("cafe.be")).isFalse();
    assertThat(Hosts.allows(List.of("10.1.2.3"), new Hosts.Target("10.1.2.3", 80, false))).isTrue();
  }

  @Test
  void allowListEntriesAreValidated() {
    assertThat(Hosts.normalisePattern(" API.example.com. ")).isEqualTo("api.example.com");
    assertThat(Hosts.normalisePattern("*.example.com:443")).isEqualTo("*.example.com:443");
    for (String bad : List.of("http://x.com", "x.com/path", "*", "a b", "*.*.com", "")) {
      assertThatThrownBy(() -> Hosts.normalisePattern(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static boolean allows(String host, int port) {
    return Hosts.allows(ALLOW, new Hosts.Target(host, port, false));
  }
}
