package dev.bulwark.internal.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bulwark.EgressConfig;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The proxy's decision without a socket: every reason it refuses for, each by name, and what it
 * lets through. A resolver of the test's own plays DNS; {@code EgressTest} judges the same rules
 * from inside a sandbox.
 */
class AdmissionTest {
  private static final Admission ADMISSION =
      new Admission(
          new Destinations(
              EgressConfig.defaults().plusMappings(List.of("db.internal=10.0.0.9:5432")),
              TestResolver.answering(
                  Map.ofEntries(
                      Map.entry("public.example", List.of("93.184.216.34")),
                      Map.entry("rebind.example", List.of("93.184.216.34", "10.0.0.5")),
                      Map.entry("loopback.example", List.of("127.0.0.1")),
                      Map.entry("private.example", List.of("192.168.1.1")),
                      Map.entry("metadata.example", List.of("169.254.169.254")),
                      Map.entry("shared.example", List.of("100.64.0.1")),
                      Map.entry("reserved.example", List.of("0.0.0.0")),
                      Map.entry("multicast4.example", List.of("224.0.0.1")),
                      Map.entry("benchmark.example", List.of("198.18.0.1")),
                      Map.entry("loopback6.example", List.of("::1")),
                      Map.entry("linklocal6.example", List.of("fe80::1")),
                      Map.entry("ula.example", List.of("fd00:ec2::254")),
                      Map.entry("multicast6.example", List.of("ff02::1")),
                      Map.entry("compat.example", List.of("::7f00:1")),
                      Map.entry("empty.example", List.of())))));

  private static final List<String> ALLOW =
      List.of(
          "*.example",
          "db.internal",
          "2130706433",
          "0x7f.1",
          "[2002:7f00:1::1]",
          "[64:ff9b::7f00:1]",
          "[::ffff:7f00:1]");

  private static Verdict connect(String authority) {
    return ADMISSION.tunnel(ALLOW, authority);
  }

  private static Verdict get(String url) {
    return ADMISSION.request(ALLOW, url, null);
  }

  private static void assertRefused(Verdict v, int status, String reason) {
    assertThat(v.allowed()).as("allowed").isFalse();
    assertThat(v.address()).as("an address to connect to").isNull();
    assertThat(v.status()).isEqualTo(status);
    assertThat(v.refusal()).isEqualTo(reason);
  }

  @Test
  void anAllowedTunnelGoesToTheAddressThatWasChecked() {
    Verdict v = connect("Public.Example:443");
    assertThat(v.allowed()).isTrue();
    assertThat(v.host()).isEqualTo("public.example");
    assertThat(v.port()).isEqualTo(443);
    assertThat(v.address()).isEqualTo(new InetSocketAddress("93.184.216.34", 443));
    assertThat(v.path()).isNull();
  }

  @Test
  void anAllowedPlainRequestGoesOnInOriginForm() {
    assertThat(get("http://public.example").path()).isEqualTo("/");
    assertThat(get("HTTP://public.example/a/b?c").path()).isEqualTo("/a/b?c");
    assertThat(get("http://public.example?q=1").path()).isEqualTo("/?q=1");
    assertThat(get("http://public.example/").port()).isEqualTo(80);
    assertThat(get("http://public.example:8080/").address())
        .isEqualTo(new InetSocketAddress("93.184.216.34", 8080));
  }

  @Test
  void aMappedNameGoesWhereTheOperatorSaidEvenToAPrivateAddress() {
    assertThat(get("http://db.internal/x").address())
        .isEqualTo(new InetSocketAddress("10.0.0.9", 5432));
  }

  @Test
  void aHeadThatIsNotAnHttpRequestIsNotAProxyRequest() {
    HttpHead.Malformed e =
        catchThrowableOfType(
            HttpHead.Malformed.class,
            () ->
                HttpHead.read(
                    new ByteArrayInputStream(
                        "hello there\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
    Verdict v = Admission.unreadable(e);
    assertRefused(v, 400, "not a proxy request: not an HTTP request");
    assertThat(v.host()).isNull();
  }

  @Test
  void aConnectWithoutHostAndPortIsMalformed() {
    for (String bad : List.of("public.example", ":443", "me@public.example:443", "a/b:443")) {
      assertRefused(connect(bad), 400, "CONNECT needs HOST:PORT");
    }
  }

  @Test
  void aPortOutsideOneTo65535IsNotAPort() {
    assertRefused(connect("public.example:0"), 403, "port 0 is not a port");
    assertRefused(connect("public.example:65536"), 403, "port 65536 is not a port");
    assertRefused(connect("public.example:https"), 403, "port -1 is not a port");
  }

  @Test
  void aHostOffTheAllowListIsRefused() {
    assertRefused(
        connect("evil.test:443"), 403, "evil.test:443 is not on this run's network allow-list");
  }

  @Test
  void anIpLiteralWrittenOtherThanPlainlyIsRefused() {
    assertRefused(get("http://2130706433/"), 403, "2130706433 is an oddly written address");
    assertRefused(connect("0x7f.1:80"), 403, "0x7f.1 is an oddly written address");
  }

  @Test
  void aNameThatDoesNotResolveIsTheProgramsFailureNotARefusal() {
    // The rules allow the host: a name that does not resolve is the program's failure (502).
    Verdict nowhere = connect("nowhere.example:443");
    assertRefused(nowhere, 502, "name not resolved: nowhere.example does not resolve");
    assertThat(nowhere.refusedByRules()).isFalse();
    assertRefused(
        connect("empty.example:443"), 502, "name not resolved: empty.example does not resolve");
  }

  @Test
  void loopbackIsRefused() {
    assertRefused(
        connect("loopback.example:80"),
        403,
        "loopback.example resolves to 127.0.0.1, a loopback address");
  }

  @Test
  void aPrivateAddressIsRefused() {
    assertRefused(
        connect("private.example:80"),
        403,
        "private.example resolves to 192.168.1.1, a private address");
  }

  @Test
  void oneNonPublicAnswerAmongPublicOnesIsEnoughToRefuse() {
    assertRefused(
        connect("rebind.example:80"),
        403,
        "rebind.example resolves to 10.0.0.5, a private address");
  }

  @Test
  void theCloudMetadataAddressIsRefusedAsLinkLocal() {
    assertRefused(
        connect("metadata.example:80"),
        403,
        "metadata.example resolves to 169.254.169.254, a link-local (cloud metadata) address");
  }

  @Test
  void theSharedAddressSpaceIsRefused() {
    assertRefused(
        connect("shared.example:80"),
        403,
        "shared.example resolves to 100.64.0.1, a shared address space address");
  }

  @Test
  void reservedAndIPv4MulticastAddressesAreRefused() {
    assertRefused(
        connect("reserved.example:80"),
        403,
        "reserved.example resolves to 0.0.0.0, a reserved address");
    assertRefused(
        connect("multicast4.example:80"),
        403,
        "multicast4.example resolves to 224.0.0.1, a reserved address");
  }

  @Test
  void theBenchmarkingRangeIsRefused() {
    assertRefused(
        connect("benchmark.example:80"),
        403,
        "benchmark.example resolves to 198.18.0.1, a benchmarking address");
  }

  @Test
  void ipv6LoopbackIsRefused() {
    assertRefused(
        connect("loopback6.example:80"),
        403,
        "loopback6.example resolves to 0:0:0:0:0:0:0:1, a loopback address");
  }

  @Test
  void ipv6LinkLocalIsRefused() {
    assertRefused(
        connect("linklocal6.example:80"),
        403,
        "linklocal6.example resolves to fe80:0:0:0:0:0:0:1, a link-local address");
  }

  @Test
  void ipv6UniqueLocalIsRefusedAsPrivate() {
    assertRefused(
        connect("ula.example:80"),
        403,
        "ula.example resolves to fd00:ec2:0:0:0:0:0:254, a private (unique local) address");
  }

  @Test
  void ipv6MulticastIsRefused() {
    assertRefused(
        connect("multicast6.example:80"),
        403,
        "multicast6.example resolves to ff02:0:0:0:0:0:0:1, a multicast address");
  }

  @Test
  void anIPv4AddressWrittenAsIPv6IsRefused() {
    assertRefused(
        connect("compat.example:80"),
        403,
        "compat.example resolves to 0:0:0:0:0:0:7f00:1, a an IPv4 address written as IPv6 address");
    assertRefused(
        connect("[::ffff:7f00:1]:80"),
        403,
        "[::ffff:7f00:1] resolves to 127.0.0.1, a loopback address");
  }

  @Test
  void sixToFourAndNat64AddressesAreRefusedForTheIPv4AddressTheyEmbed() {
    assertRefused(
        connect("[2002:7f00:1::1]:80"),
        403,
        "[2002:7f00:1::1] resolves to 2002:7f00:1:0:0:0:0:1, a 6to4 (embeds an IPv4 address) address");
    assertRefused(
        connect("[64:ff9b::7f00:1]:80"),
        403,
        "[64:ff9b::7f00:1] resolves to 64:ff9b:0:0:0:0:7f00:1, a NAT64 (embeds an IPv4 address)"
            + " address");
  }

  @Test
  void aPlainRequestMustNameAnHttpUrl() {
    for (String url : List.of("https://public.example/", "/relative", "ftp://public.example/")) {
      assertRefused(
          get(url), 400, "a proxy request names an http:// URL (use CONNECT for anything else)");
    }
  }

  @Test
  void aUrlWithUserInformationIsMalformed() {
    Verdict v = get("http://me@public.example/");
    assertRefused(v, 400, "a URL with user information or no host");
    assertThat(v.host()).as("recorded as the program wrote it").isEqualTo("me@public.example");
    assertRefused(
        get("http://me:pw@public.example/"), 400, "a URL with user information or no host");
  }

  @Test
  void aUrlWithNoHostIsMalformed() {
    assertRefused(get("http:///path"), 400, "a URL with user information or no host");
  }

  @Test
  void aPlainRequestsHostHeaderMustNameItsUrlsHostAndIsCheckedFirst() {
    assertRefused(
        ADMISSION.request(ALLOW, "http://public.example/", "evil.test"),
        403,
        "the Host header evil.test differs from the destination public.example");
    assertRefused(
        ADMISSION.request(ALLOW, "http://nowhere.test/", "evil.test"),
        403,
        "the Host header evil.test differs from the destination nowhere.test");
    assertThat(ADMISSION.request(ALLOW, "http://public.example/", "Public.Example.:80").allowed())
        .as("case, port and the root's dot do not matter")
        .isTrue();
  }

  @Test
  void theTlsServerNameMustBeTheTunnelsHost() {
    Verdict tunnel = connect("public.example.:443");
    assertRefused(
        Admission.serverName(tunnel, Optional.of("evil.test")),
        403,
        "the TLS server name evil.test differs from the tunnel's host public.example.");
    assertThat(Admission.serverName(tunnel, Optional.of("public.example"))).isSameAs(tunnel);
    assertThat(Admission.serverName(tunnel, Optional.empty()))
        .as("a client that sends no name")
        .isSameAs(tunnel);
  }

  @Test
  void aRequestInsideATunnelMustNameTheTunnelsHost() {
    Verdict tunnel = connect("public.example:443");
    Verdict inner = Admission.innerHost(tunnel, "evil.test:443");
    assertRefused(
        inner, 403, "the Host header evil.test:443 differs from the destination public.example");
    assertThat(inner.host()).isEqualTo("public.example");
    assertThat(inner.port()).isEqualTo(443);
    assertThat(Admission.innerHost(tunnel, "public.example:443")).isSameAs(tunnel);
    assertThat(Admission.innerHost(tunnel, null)).isSameAs(tunnel);
  }

  @Test
  void aRedirectsTargetIsDecidedLikeAFirstRequest() {
    // An allowed host answers 302 Location: http://evil.test/; the program's next request is new.
    assertThat(get("http://public.example/redirect").allowed()).isTrue();
    assertRefused(
        get("http://evil.test/stolen"),
        403,
        "evil.test:80 is not on this run's network allow-list");
  }
}
