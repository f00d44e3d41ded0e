package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bulwark.EgressConfig;
import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Isolation;
import dev.bulwark.Job;
import dev.bulwark.Profiles;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.internal.egress.EgressProxy;
import dev.bulwark.internal.egress.TestCertificates;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Limits;
import dev.bulwark.model.NetworkAttempt;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The egress proxy (DESIGN.md §5, threats 16-19), judged from the host: local servers on 127.0.0.1
 * play the internet and record what reached them; the operator maps {@code api.internal} to one of
 * them. Programs run under the {@code audit} policy, which denies nothing, so that the proxy, not
 * the validation layer, is what stands in their way.
 */
class EgressTest {
  /** What the API server saw: one line per request, "path user-agent authorization". */
  private static final List<String> API_REQUESTS = Collections.synchronizedList(new ArrayList<>());

  private static final String SECRET = "s3cr3t-" + UUID.randomUUID();
  private static final long BYTE_CAP = 256 * 1024;

  /** The default profile, as the warm pool's sandboxes have it (the wall clock may differ). */
  private static final Limits LIMITS = Profiles.DEFAULT.withWallTimeout(Duration.ofSeconds(20));

  private static HttpServer api;
  private static HttpsServer secure; // secure.internal, intercepted
  private static Listener tls; // where api.internal:443 is mapped: must never see a byte
  private static Listener other; // a host service nobody may reach
  private static Engine engine;

  /** A TCP listener that counts the connections it accepts. */
  private static final class Listener implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final AtomicInteger accepted = new AtomicInteger();

    Listener() throws IOException {
      Thread.ofVirtual()
          .start(() -> {
            while (!socket.isClosed()) {
              try (Socket s = socket.accept()) {
                accepted.incrementAndGet();
              } catch (IOException e) {
                return;
              }
            }
          });
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @BeforeAll
  static void start() throws IOException {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          API_REQUESTS.add(
              path
                  + " "
                  + exchange.getRequestHeaders().getFirst("User-Agent")
                  + " "
                  + exchange.getRequestHeaders().get("Authorization"));
          byte[] body;
          switch (path) {
            case "/redirect" -> {
              exchange.getResponseHeaders().add("Location", "http://evil.example/stolen");
              exchange.sendResponseHeaders(302, -1);
              exchange.close();
              return;
            }
            case "/big" -> body = new byte[(int) (4 * BYTE_CAP)];
            default -> body = "hello from api\n".getBytes(StandardCharsets.UTF_8);
          }
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
    tls = new Listener();
    other = new Listener();
    TestCertificates certificates = new TestCertificates();
    secure = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    secure.setHttpsConfigurator(new HttpsConfigurator(certificates.serverFor("secure.internal")));
    secure.createContext(
        "/",
        exchange -> {
          API_REQUESTS.add(
              "secure "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("User-Agent")
                  + " "
                  + exchange.getRequestHeaders().get("Authorization"));
          byte[] body = "hello from secure\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    secure.start();
    Path upstreamCa = Files.createTempFile("bulwark-upstream", ".pem");
    Files.writeString(upstreamCa, certificates.caPem());
    InetSocketAddress secureAt =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), secure.getAddress().getPort());
    InetAddress lo = InetAddress.getLoopbackAddress();
    engine =
        Engine.start(
            EngineConfig.defaults()
                .withWarmPools(List.of(new WarmPoolSpec("python", "default", 1)))
                .withEgress(
                    new EgressConfig(
                        Map.of(
                            "api.internal",
                            new InetSocketAddress(lo, api.getAddress().getPort()),
                            "api.internal:443",
                            new InetSocketAddress(lo, tls.port()),
                            "secure.internal",
                            secureAt,
                            "impostor.internal",
                            secureAt),
                        Map.of(
                            "api.internal",
                            List.of("Authorization: Bearer " + SECRET),
                            "secure.internal",
                            List.of("Authorization: Bearer " + SECRET)),
                        BYTE_CAP,
                        32,
                        Set.of("secure.internal", "impostor.internal"),
                        upstreamCa)));
  }

  @AfterAll
  static void stop() throws IOException {
    engine.close();
    api.stop(0);
    secure.stop(0);
    tls.close();
    other.close();
  }

  /** The audit policy, with these hosts allowed. */
  private static Policy allowing(String... hosts) {
    return Policies.builtIn("audit").withAllowedHosts(List.of(hosts));
  }

  private static ExecutionResult run(String language, String code, Policy policy) {
    return run(Isolation.BUBBLEWRAP, language, code, policy);
  }

  private static ExecutionResult run(Isolation tier, String language, String code, Policy policy) {
    TestEngine.assumeAvailable(tier);
    return engine.execute(new Job(language, code, LIMITS, new byte[0], policy).withIsolation(tier));
  }

  @EachTier
  void anAllowedMappedHostIsReachableFromPythonNodeAndCurl(Isolation tier) {
    Policy policy = allowing("api.internal");
    Awaitility.await().until(engine::warm);
    long hitsBefore = engine.warmPools().getFirst().hits();
    String python =
        """
        import http.client, urllib.request
        req = urllib.request.Request("http://api.internal/hello", headers={"User-Agent": "urllib"})
        print(urllib.request.urlopen(req, timeout=10).read().decode(), end="")
        conn = http.client.HTTPConnection("127.0.0.1", 3128, timeout=10)
        conn.set_tunnel("api.internal", 80)
        conn.request("GET", "/hello", headers={"User-Agent": "http.client"})
        print(conn.getresponse().read().decode(), end="")
        """;
    ExecutionResult py = run(tier, "python", python, policy);
    assertThat(py.status()).as(py.stderr()).isEqualTo(Status.OK);
    assertThat(py.stdout()).isEqualTo("hello from api\nhello from api\n");
    if (tier == Isolation.BUBBLEWRAP) {
      assertThat(engine.warmPools().getFirst().hits())
          .as("a warm sandbox")
          .isGreaterThan(hitsBefore);
    }
    assertThat(py.network())
        .extracting(NetworkAttempt::via, NetworkAttempt::allowed)
        .containsExactlyInAnyOrder(Tuple.tuple("HTTP", true), Tuple.tuple("CONNECT", true));
    assertThat(py.network())
        .allSatisfy(a -> {
          assertThat(a.host()).isEqualTo("api.internal");
          assertThat(a.address()).isEqualTo("127.0.0.1:" + api.getAddress().getPort());
          assertThat(a.bytesReceived()).isPositive();
        });

    ExecutionResult node =
        run(
            tier,
            "javascript",
            "const r = await fetch('http://api.internal/hello', {headers: {'User-Agent': 'fetch'}});"
                + " process.stdout.write(await r.text());",
            policy);
    assertThat(node.status()).as(node.stderr()).isEqualTo(Status.OK);
    assertThat(node.stdout()).isEqualTo("hello from api\n");

    ExecutionResult curl = run(tier, "bash", "curl -sS -A curl http://api.internal/hello", policy);
    assertThat(curl.status()).as(curl.stderr()).isEqualTo(Status.OK);
    assertThat(curl.stdout()).isEqualTo("hello from api\n");

    assertThat(API_REQUESTS)
        .as("seen by the server itself")
        .anyMatch(r -> r.startsWith("/hello urllib "))
        .anyMatch(r -> r.startsWith("/hello http.client "))
        .anyMatch(r -> r.startsWith("/hello fetch "))
        .anyMatch(r -> r.startsWith("/hello curl "));
  }

  @Test
  void anAllowedNameThatDoesNotResolveIsTheProgramsErrorNotNetworkDenied() {
    // .invalid never resolves (RFC 6761); the policy allows it, so nothing was refused.
    Policy policy = allowing("nowhere.invalid");
    ExecutionResult r =
        run(
            "python",
            "import urllib.request\nurllib.request.urlopen('http://nowhere.invalid/', timeout=10)",
            policy);
    assertThat(r.status()).as(r.reason()).isEqualTo(Status.ERROR);
    assertThat(r.stderr()).contains("name not resolved: nowhere.invalid does not resolve");
    assertThat(r.network())
        .singleElement()
        .satisfies(a -> {
          assertThat(a.host()).isEqualTo("nowhere.invalid");
          assertThat(a.allowed()).as("allowed by the policy").isTrue();
          assertThat(a.reason()).isEqualTo("name not resolved: nowhere.invalid does not resolve");
          assertThat(a.address()).isEmpty();
        });

    ExecutionResult refused =
        run(
            "python",
            "import urllib.request\nurllib.request.urlopen('http://elsewhere.invalid/')",
            policy);
    assertThat(refused.status()).as("a host the policy refuses").isEqualTo(Status.NETWORK_DENIED);
  }

  @EachTier
  void everyOtherWayOutFailsClosedAndTheProxyRecordsWhatItSaw(Isolation tier) {
    API_REQUESTS.clear();
    // Some of these hosts are on the allow-list on purpose: the proxy's address checks must
    // refuse them anyway (metadata, a decimal address). localhost is in NO_PROXY, so that a
    // program reaches servers it started itself: to the host's loopback it has no route at all.
    Policy policy = allowing("api.internal", "localhost", "169.254.169.254", "2130706433");
    String code =
        """
        import socket, ssl, urllib.request
        def attempt(name, f):
            try:
                f()
                print(name, "REACHED")
            except Exception as e:
                print(name, "failed")
        def get(url):
            return lambda: urllib.request.urlopen(url, timeout=10).read()
        attempt("unlisted", get("http://evil.example/"))
        attempt("literal", get("http://93.184.216.34/"))
        attempt("loopback-name", get("http://localhost:%d/" % OTHER))
        attempt("metadata", get("http://169.254.169.254/latest/meta-data/"))
        attempt("decimal", get("http://2130706433:%d/" % OTHER))
        attempt("redirect", get("http://api.internal/redirect"))
        attempt("raw-socket", lambda: socket.create_connection(("127.0.0.1", OTHER), timeout=5))
        attempt("dns", lambda: socket.getaddrinfo("example.com", 80))
        def fronted():
            s = socket.create_connection(("127.0.0.1", 3128), timeout=10)
            s.sendall(b"CONNECT api.internal:443 HTTP/1.1\\r\\nHost: api.internal:443\\r\\n\\r\\n")
            assert s.recv(1024).startswith(b"HTTP/1.1 200")
            ssl.create_default_context().wrap_socket(s, server_hostname="evil.example")
        attempt("sni", fronted)
        """
            .replace("OTHER", Integer.toString(other.port()));
    ExecutionResult r = run(tier, "python", code, policy);
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout())
        .contains(
            "unlisted failed",
            "literal failed",
            "loopback-name failed",
            "metadata failed",
            "decimal failed",
            "redirect failed",
            "raw-socket failed",
            "dns failed",
            "sni failed")
        .doesNotContain("REACHED");

    assertThat(other.accepted.get()).as("the host service saw no connection").isZero();
    assertThat(tls.accepted.get()).as("the fronted tunnel never left the proxy").isZero();
    assertThat(API_REQUESTS).as("only the redirect itself reached the API").hasSize(1);

    List<NetworkAttempt> refused = r.network().stream().filter(a -> !a.allowed()).toList();
    assertThat(refused)
        .extracting(NetworkAttempt::host)
        .contains("evil.example", "93.184.216.34", "169.254.169.254", "2130706433", "api.internal");
    assertThat(reason(refused, "evil.example")).contains("allow-list");
    assertThat(reason(refused, "169.254.169.254")).contains("link-local");
    assertThat(reason(refused, "2130706433")).contains("oddly written");
    assertThat(reason(refused, "api.internal")).contains("TLS server name evil.example");
    assertThat(r.network().stream().filter(a -> a.host().equals("evil.example")).count())
        .as("the redirect's target was asked for, and refused, like the first")
        .isEqualTo(2);
  }

  @EachTier
  void theInjectedCredentialReachesTheServerAndNeverTheProgram(Isolation tier) {
    API_REQUESTS.clear();
    String code =
        """
        import os, urllib.request
        req = urllib.request.Request("http://api.internal/hello",
                                     headers={"User-Agent": "cred", "Authorization": "Bearer forged"})
        print(urllib.request.urlopen(req, timeout=10).read().decode(), end="")
        print(sorted(os.environ))
        print(open("/run/bulwark/egress-forwarder.py").read()[:0])
        """;
    ExecutionResult r = run(tier, "python", code, allowing("api.internal"));
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(API_REQUESTS)
        .singleElement()
        .satisfies(line ->
            assertThat(line)
                .as("the operator's header replaced the program's")
                .isEqualTo("/hello cred [Bearer " + SECRET + "]"));
    assertThat(r.stdout() + r.stderr()).doesNotContain(SECRET);
    assertThat(r.network().toString()).doesNotContain(SECRET);
  }

  @EachTier
  void interceptedHttpsCarriesTheCredentialAndTheProxyVerifiesTheRealServer(Isolation tier) {
    API_REQUESTS.clear();
    Policy policy = allowing("secure.internal", "impostor.internal");
    String python =
        """
        import urllib.request
        req = urllib.request.Request("https://secure.internal/hello",
                                     headers={"User-Agent": "urllib", "Authorization": "Bearer forged"})
        print(urllib.request.urlopen(req, timeout=10).read().decode(), end="")
        try:
            urllib.request.urlopen("https://impostor.internal/", timeout=10)
            print("impostor REACHED")
        except Exception as e:
            print("impostor refused")
        """;
    ExecutionResult py = run(tier, "python", python, policy);
    assertThat(py.status()).as(py.stderr()).isEqualTo(Status.OK);
    assertThat(py.stdout()).isEqualTo("hello from secure\nimpostor refused\n");
    assertThat(reason(py.network(), "impostor.internal"))
        .as("its certificate names secure.internal")
        .contains("failed TLS verification");

    ExecutionResult node =
        run(
            tier,
            "javascript",
            "const r = await fetch('https://secure.internal/hello', {headers: {'User-Agent':"
                + " 'fetch'}}); process.stdout.write(await r.text());",
            policy);
    assertThat(node.status()).as(node.stderr()).isEqualTo(Status.OK);
    assertThat(node.stdout()).isEqualTo("hello from secure\n");

    ExecutionResult curl =
        run(tier, "bash", "curl -sS -A curl https://secure.internal/hello", policy);
    assertThat(curl.status()).as(curl.stderr()).isEqualTo(Status.OK);
    assertThat(curl.stdout()).isEqualTo("hello from secure\n");

    assertThat(API_REQUESTS)
        .containsExactlyInAnyOrder(
            "secure /hello urllib [Bearer " + SECRET + "]",
            "secure /hello fetch [Bearer " + SECRET + "]",
            "secure /hello curl [Bearer " + SECRET + "]");
    for (ExecutionResult r : List.of(py, node, curl)) {
      assertThat(r.stdout() + r.stderr() + r.network()).doesNotContain(SECRET);
    }
  }

  @EachTier
  void withoutAllowedHostsThereIsNoNetworkAtAll(Isolation tier) {
    String code =
        """
        import os, socket
        print(os.path.exists("/run/bulwark/proxy.sock"), os.environ.get("HTTP_PROXY"))
        try:
            socket.create_connection(("127.0.0.1", 3128), timeout=5)
            print("proxy REACHED")
        except OSError:
            print("no proxy")
        print(sorted(name for _, name in socket.if_nameindex()))
        """;
    ExecutionResult r = run(tier, "python", code, Policies.builtIn("audit"));
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("False None\nno proxy\n['lo']\n");
    assertThat(r.network()).isEmpty();
  }

  @EachTier
  void aRunThatFailsOnARefusedConnectionIsNetworkDeniedAndTheProgramReadsWhy(Isolation tier) {
    ExecutionResult r =
        run(
            tier,
            "python",
            "import urllib.request\nurllib.request.urlopen('http://' + 'evil.example/', timeout=10)",
            allowing("api.internal"));
    assertThat(r.status()).isEqualTo(Status.NETWORK_DENIED);
    assertThat(r.reason()).contains("evil.example:80 is not on this run's network allow-list");
    assertThat(r.stderr()).contains("Bulwark egress refused: evil.example:80");
  }

  @Test
  void attemptsAreListedInTheOrderTheProgramOpenedThemNotTheOrderTheyEnded() {
    String code =
        """
        import http.client
        kept = http.client.HTTPConnection("127.0.0.1", 3128, timeout=10)
        kept.request("GET", "http://api.internal/first")
        kept.getresponse().read()
        other = http.client.HTTPConnection("127.0.0.1", 3128, timeout=10)
        other.request("GET", "http://" + "evil.example/second")
        print(other.getresponse().status)
        other.close()
        kept.close()
        """;
    ExecutionResult r = run("python", code, allowing("api.internal"));
    assertThat(r.stdout()).as(r.stderr()).isEqualTo("403\n");
    assertThat(r.network())
        .extracting(NetworkAttempt::host, NetworkAttempt::allowed)
        .containsExactly(Tuple.tuple("api.internal", true), Tuple.tuple("evil.example", false));
  }

  @Test
  void theRunsByteCapCutsALargeDownload() {
    String code =
        """
        import urllib.request
        try:
            data = urllib.request.urlopen("http://api.internal/big", timeout=10).read()
            print("read", len(data))
        except Exception as e:
            print("cut", type(e).__name__)
        """;
    ExecutionResult r = run("python", code, allowing("api.internal"));
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).startsWith("cut");
    NetworkAttempt big = r.network().getFirst();
    assertThat(big.reason()).contains("network cap of " + BYTE_CAP + " bytes");
    assertThat(big.bytesReceived()).isLessThan(4 * BYTE_CAP);
  }

  @Test
  void aProgramHammeringTheProxyIsCappedAndItsRecordStaysBounded() {
    API_REQUESTS.clear();
    String code =
        """
        import socket
        statuses = {}
        for i in range(300):
            s = socket.create_connection(("127.0.0.1", 3128), timeout=10)
            s.sendall(b"GET http://api.internal/hello HTTP/1.1\\r\\nHost: api.internal\\r\\n\\r\\n")
            status = s.recv(64).split(b" ")[1].decode()
            statuses[status] = statuses.get(status, 0) + 1
            s.close()
        print(sorted(statuses.items()))
        """;
    ExecutionResult r = run("python", code, allowing("api.internal"));
    assertThat(r.status()).as(r.stderr()).isEqualTo(Status.OK);
    assertThat(r.stdout()).isEqualTo("[('200', 32), ('429', 268)]\n");
    assertThat(API_REQUESTS).hasSize(32);
    assertThat(r.network()).hasSize(EgressProxy.MAX_RECORDS + 1);
    assertThat(r.network().getLast().reason()).contains("more attempts");
  }

  private static String reason(List<NetworkAttempt> attempts, String host) {
    return attempts.stream()
        .filter(a -> a.host().equals(host))
        .map(NetworkAttempt::reason)
        .findFirst()
        .orElse("(no attempt)");
  }
}
