package dev.bulwark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.WarmPoolSpec;
import dev.bulwark.agent.Agent;
import dev.bulwark.agent.ModelSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
  @Test
  void everyKeyIsReadAndWhatTheFileDoesNotSayKeepsItsDefault() {
    ConfigFile c =
        ConfigFile.parse(
            """
            server:
              host: 0.0.0.0
              port: 9090
              maxConcurrent: 3
              queueTimeout: 2s
            engine:
              stateDir: /srv/bulwark/state
              degraded: true
              stagedLaunchers: 4
              sandboxUidBase: 3000000000
              sandboxUidCount: 50
              warmPools: [python:strict=1, javascript=0]
              warmMaxIdle: 90s
            """,
            "test.yaml");
    assertThat(c.server().host()).isEqualTo("0.0.0.0");
    assertThat(c.server().port()).isEqualTo(9090);
    assertThat(c.server().maxConcurrent()).isEqualTo(3);
    assertThat(c.server().queueTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.server().maxQueued()).as("8 per slot by default").isEqualTo(24);
    assertThat(c.engine().stateDir()).isEqualTo(Path.of("/srv/bulwark/state"));
    assertThat(c.engine().allowDegraded()).isTrue();
    assertThat(c.engine().stagedLaunchers()).isEqualTo(4);
    assertThat(c.engine().sandboxUidBase()).isEqualTo(3_000_000_000L);
    assertThat(c.engine().sandboxUidCount()).isEqualTo(50);
    assertThat(c.engine().warmPools())
        .containsExactly(
            new WarmPoolSpec("python", "strict", 1), new WarmPoolSpec("javascript", "default", 0));
    assertThat(c.engine().warmMaxIdle()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.engine().bwrap()).isEqualTo(ConfigFile.defaults().engine().bwrap());

    assertThat(ConfigFile.parse("", "empty.yaml")).isEqualTo(ConfigFile.defaults());
    assertThat(ConfigFile.defaults().engine().warmPools()).isEqualTo(ConfigFile.DEFAULT_POOLS);
  }

  @Test
  void sessionPoolsAreConfiguredAsWarmPoolsAreAndAServerKeepsSomeByDefault() {
    ConfigFile c =
        ConfigFile.parse(
            """
            engine:
              sessionPools: [python:strict=3, javascript=1]
            """,
            "sessions.yaml");
    assertThat(c.engine().sessionPools())
        .containsExactly(
            new WarmPoolSpec("python", "strict", 3), new WarmPoolSpec("javascript", "default", 1));
    assertThat(c.engine().warmPools()).isEqualTo(ConfigFile.DEFAULT_POOLS);
    assertThat(ConfigFile.defaults().engine().sessionPools())
        .containsExactly(new WarmPoolSpec("python", "default", 2));
    assertThat(ConfigFile.parse(c.toYaml(), "again.yaml")).isEqualTo(c);
    assertThatThrownBy(() -> ConfigFile.parse("engine:\n  sessionPools: [python=x]\n", "bad.yaml"))
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("sessionPools");
  }

  @Test
  void theAgentSectionNamesTheModelAndTheMostARunMayTake() {
    ConfigFile c =
        ConfigFile.parse(
            """
            agent:
              provider: anthropic
              model: claude-3-5-haiku-latest
              apiKey: sk-ant-secret-value
              maxSteps: 6
              maxTime: 90s
              maxTokens: 50000
              maxRuns: 2
            """,
            "agent.yaml");
    var agent = c.server().agent();
    assertThat(agent.enabled()).isTrue();
    assertThat(agent.model().provider()).isEqualTo(ModelSettings.Provider.ANTHROPIC);
    assertThat(agent.model().model()).isEqualTo("claude-3-5-haiku-latest");
    assertThat(agent.limits()).isEqualTo(new Agent.Limits(6, Duration.ofSeconds(90), 50_000));
    assertThat(agent.maxRuns()).isEqualTo(2);
    assertThat(c.toYaml()).contains("apiKey: \"***\"").doesNotContain("sk-ant-secret-value");
    assertThat(agent.model().toString()).doesNotContain("sk-ant-secret-value");

    assertThat(ConfigFile.defaults().server().agent().enabled()).isFalse();
    ConfigFile local =
        ConfigFile.parse(
            "agent: {provider: openai, baseUrl: 'http://127.0.0.1:11434/v1', model: qwen}", "a");
    assertThat(ConfigFile.parse(local.toYaml(), "shown.yaml")).isEqualTo(local);
  }

  @Test
  void theNetworkSectionMapsHostsAndKeepsCredentialsOutOfShow() {
    ConfigFile c =
        ConfigFile.parse(
            """
            network:
              mapHosts: [api.internal=127.0.0.1:9000, "db.internal:5432=10.0.0.7:5432"]
              credentials: ["api.internal=Authorization: Bearer hunter2-token"]
              maxBytes: 8m
              maxConnections: 4
              intercept: [Secure.Internal]
              upstreamCa: /etc/bulwark/internal-ca.pem
            """,
            "net.yaml");
    var egress = c.engine().egress();
    assertThat(egress.mapHosts())
        .containsEntry("api.internal", new InetSocketAddress("127.0.0.1", 9000))
        .containsEntry("db.internal:5432", new InetSocketAddress("10.0.0.7", 5432));
    assertThat(egress.credentials())
        .containsEntry("api.internal", List.of("Authorization: Bearer hunter2-token"));
    assertThat(egress.maxBytes()).isEqualTo(8L << 20);
    assertThat(egress.maxConnections()).isEqualTo(4);
    assertThat(egress.intercept()).containsExactly("secure.internal");
    assertThat(egress.upstreamCa()).isEqualTo(Path.of("/etc/bulwark/internal-ca.pem"));
    assertThat(c.toYaml())
        .contains("api.internal=127.0.0.1:9000")
        .contains("api.internal=Authorization: ***")
        .doesNotContain("hunter2-token");
  }

  @Test
  void whatShowPrintsReadsBackAsTheSameConfiguration() {
    ConfigFile c =
        ConfigFile.parse("server: {port: 7000}\nengine: {warmPools: [python=2]}", "a.yaml");
    assertThat(ConfigFile.parse(c.toYaml(), "shown.yaml")).isEqualTo(c);
    assertThat(ConfigFile.parse(ConfigFile.defaults().toYaml(), "d.yaml"))
        .isEqualTo(ConfigFile.defaults());
  }

  @Test
  void aTypoOrABadValueIsRefusedWithItsPath() {
    for (String[] bad :
        List.of(
            new String[] {"server:\n  prot: 1", "unknown key 'server.prot'"},
            new String[] {"sever:\n  port: 1", "unknown key 'sever'"},
            new String[] {"server:\n  port: '80'", "server.port: a whole number"},
            new String[] {"server:\n  port: 70000", "port must be 0-65535"},
            new String[] {"server:\n  maxConcurrent: 0", "server.maxConcurrent"},
            new String[] {"server:\n  queueTimeout: soon", "server.queueTimeout"},
            new String[] {"engine:\n  degraded: yes please", "engine.degraded: true or false"},
            new String[] {"engine:\n  warmPools: python=1", "engine.warmPools: a list"},
            new String[] {"engine:\n  warmPools: [python=x]", "engine.warmPools"},
            new String[] {"engine:\n  stagedLaunchers: 99", "stagedLaunchers must be between"},
            new String[] {"server: [1, 2]", "server must be a mapping"},
            new String[] {"agent:\n  provider: llama", "agent.provider: unknown provider"},
            new String[] {"network:\n  mapHosts: [api=nowhere:80]", "network.mapHosts"},
            new String[] {"network:\n  credentials: [api]", "network.credentials"},
            new String[] {"network:\n  maxConnections: 0", "egress caps must be positive"},
            new String[] {"network:\n  allow: [x]", "unknown key 'network.allow'"},
            new String[] {"network:\n  intercept: ['*.x.com']", "network.intercept"},
            new String[] {"network:\n  intercept: ['x.com:443']", "without wildcard or port"},
            new String[] {"agent:\n  model: gpt-4o", "agent.model: set agent.provider too"},
            new String[] {"agent:\n  maxSteps: 0", "agent: steps, time and tokens"},
            new String[] {"agent:\n  maxRuns: 0", "maxRuns: at least 1"},
            new String[] {"agent:\n  temperature: 1", "unknown key 'agent.temperature'"},
            new String[] {"- 1\n- 2", "the file must be a mapping"},
            new String[] {"server: {port: 1", "not valid YAML"})) {
      assertThatThrownBy(() -> ConfigFile.parse(bad[0], "bad.yaml"))
          .as(bad[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("bad.yaml: ")
          .hasMessageContaining(bad[1]);
    }
  }
}
