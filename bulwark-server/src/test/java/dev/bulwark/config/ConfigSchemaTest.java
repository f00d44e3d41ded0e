package dev.bulwark.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schema is the one list of keys: the README's table and {@code config show} follow it. */
class ConfigSchemaTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String BEGIN = "<!-- config keys: begin -->\n";
  private static final String END = "<!-- config keys: end -->";

  @Test
  void theReadmesKeyTableIsTheSchemas() throws IOException {
    String readme = Files.readString(README);
    int from = readme.indexOf(BEGIN);
    int to = readme.indexOf(END);
    assertThat(from).as("the README marks its key table with " + BEGIN).isNotNegative();
    assertThat(readme.substring(from + BEGIN.length(), to))
        .as("the README's key table; paste ConfigFile.keyTable() between its markers")
        .isEqualTo(ConfigFile.keyTable());
  }

  @Test
  void theReadmesExampleIsAValidConfiguration() throws IOException {
    String readme = Files.readString(README);
    String section = readme.substring(readme.indexOf("### Configuration file"));
    int from = section.indexOf("```yaml\n") + "```yaml\n".length();
    String example = section.substring(from, section.indexOf("```", from));
    ConfigFile c = ConfigFile.parse(example, "README.md");
    assertThat(c.server().maxConcurrent()).isEqualTo(4);
    assertThat(c.server().agent().enabled()).isTrue();
  }

  @Test
  void showWritesEveryKeyOfTheSchemaAndMasksTheSecrets() {
    ConfigFile c =
        ConfigFile.parse(
            """
            network:
              mapHosts: ["api.internal=[::1]:9000"]
              credentials: ["api.internal=X-Token: tok-3141592653"]
              intercept: [api.internal]
              upstreamCa: /etc/bulwark/ca.pem
            agent:
              provider: openai
              baseUrl: http://127.0.0.1:11434/v1
              apiKey: sk-2718281828
            """,
            "full.yaml");
    String shown = c.toYaml();
    JsonNode tree = Yaml.read(shown, "shown");
    for (Section<?> section : ConfigFile.SECTIONS) {
      for (Key<?, ?> key : section.keys()) {
        assertThat(tree.path(section.name()).has(key.name()))
            .as(section.name() + "." + key.name() + " in\n" + shown)
            .isTrue();
      }
    }
    assertThat(tree.path("network").path("mapHosts").get(0).asString())
        .isEqualTo("api.internal=[0:0:0:0:0:0:0:1]:9000");
    assertThat(shown)
        .contains("api.internal=X-Token: ***")
        .doesNotContain("tok-3141592653")
        .doesNotContain("sk-2718281828");
  }
}
