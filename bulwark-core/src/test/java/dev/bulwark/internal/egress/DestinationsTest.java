package dev.bulwark.internal.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.EgressConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationsTest {
  /** Names a test decides the answers of. */
  private static final Map<String, List<String>> DNS =
      Map.of(
          "public.example", List.of("93.184.216.34"),
          "rebind.example", List.of("93.184.216.34", "10.0.0.5"),
          "metadata.example", List.of("169.254.169.254"),
          "mapped6.example", List.of("::ffff:127.0.0.1"),
          "v6.example", List.of("2606:2800:220:1:248:1893:25c8:1946"));

  private static final Destinations DESTINATIONS =
      new Destinations(
          EgressConfig.defaults()
              .withMapHosts(
                  Map.of(
                      "api.internal",
                      new InetSocketAddress(InetAddress.getLoopbackAddress(), 9000))),
          TestResolver.answering(DNS));

  private static final List<String> ALLOW =
      List.of(
          "*.example",
          "api.internal",
          "2130706433",
          "0x7f.1",
          "127.1",
          "8.8.8.8",
          "10.1.2.3",
          "[::1]",
          "[2002:7f00:1::1]",
          "[64:ff9b::7f00:1]",
          "[2606:4700::1111]",
          "only443.test:443");

  private static String refusal(String host, int port) {
    return DESTINATIONS.decide(ALLOW, host, port).refusal();
  }

  @Test
  void aPublicAnswerIsPinnedAndAMappedNameGoesWhereTheOperatorSaid() {
    var d = DESTINATIONS.decide(ALLOW, "public.example", 443);
    assertThat(d.refusal()).isNull();
    assertThat(d.address()).isEqualTo(new InetSocketAddress("93.184.216.34", 443));
    assertThat(DESTINATIONS.decide(ALLOW, "api.internal", 80).address().getPort()).isEqualTo(9000);
    assertThat(refusal("8.8.8.8", 53)).isNull();
    assertThat(refusal("[2606:4700::1111]", 443)).isNull();
    assertThat(refusal("v6.example", 443)).isNull();
  }

  @Test
  void theListDecidesFirstWithItsPorts() {
    assertThat(refusal("example", 443)).as("*.example is subdomains only").contains("allow-list");
    assertThat(refusal("api.internal.evil", 80)).contains("allow-list");
    assertThat(refusal("only443.test", 80)).contains("allow-list");
    assertThat(refusal("elsewhere.test", 443)).contains("allow-list");
    assertThat(refusal("public.example", 0)).contains("not a port");
  }

  @Test
  void privateLoopbackMetadataAndEmbeddedAddressesAreRefusedHoweverTheyAreSpelled() {
    assertThat(refusal("rebind.example", 80))
        .as("one private answer is enough")
        .contains("private");
    assertThat(refusal("metadata.example", 80)).contains("link-local");
    assertThat(refusal("mapped6.example", 80)).contains("loopback");
    assertThat(refusal("nowhere.example", 80)).contains("does not resolve");
    assertThat(refusal("10.1.2.3", 80)).contains("private");
    assertThat(refusal("[::1]", 80)).contains("loopback");
    assertThat(refusal("[2002:7f00:1::1]", 80)).contains("6to4");
    assertThat(refusal("[64:ff9b::7f00:1]", 80)).contains("NAT64");
    for (String odd : List.of("2130706433", "0x7f.1", "127.1")) {
      assertThat(refusal(odd, 80)).as(odd).contains("oddly written");
    }
  }

  @Test
  void addressClasses() {
    for (String refused :
        List.of(
            "127.0.0.1",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "198.18.0.1",
            "192.0.0.1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd00:ec2::254",
            "ff02::1")) {
      assertThat(Addresses.refusal(InetAddress.ofLiteral(refused))).as(refused).isNotNull();
    }
    for (String allowed : List.of("1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111")) {
      assertThat(Addresses.refusal(InetAddress.ofLiteral(allowed))).as(allowed).isNull();
    }
  }

  @Test
  void mappingsAndCredentialsParseAsOperatorsWriteThem() {
    var m = EgressConfig.parseMapping("API.Internal:443=127.0.0.1:9443");
    assertThat(m.getKey()).isEqualTo("api.internal:443");
    assertThat(m.getValue()).isEqualTo(new InetSocketAddress("127.0.0.1", 9443));
    assertThat(EgressConfig.parseMapping("v6.internal=[::1]:80").getValue().getPort())
        .isEqualTo(80);
    var c = EgressConfig.parseCredential("api.internal=Authorization: Bearer x:y");
    assertThat(c.getValue()).isEqualTo("Authorization: Bearer x:y");
    for (String bad :
        List.of("api.internal", "api.internal=localhost:80", "*.x=1.2.3.4:80", "a=1.2.3.4")) {
      assertThatThrownBy(() -> EgressConfig.parseMapping(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> EgressConfig.parseCredential("api.internal=Bad Header: x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
