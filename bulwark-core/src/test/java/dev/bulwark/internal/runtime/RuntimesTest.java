package dev.bulwark.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.spi.RuntimeDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RuntimesTest {
  private final Runtimes runtimes = Runtimes.builtIn();

  @Test
  void builtInsAnswerToTheirNamesAliasesAndExtensions() {
    assertThat(runtimes.find("python"))
        .get()
        .extracting(RuntimeDescriptor::name)
        .isEqualTo("python");
    assertThat(runtimes.find("PY")).get().extracting(RuntimeDescriptor::name).isEqualTo("python");
    assertThat(runtimes.find("node"))
        .get()
        .extracting(RuntimeDescriptor::name)
        .isEqualTo("javascript");
    assertThat(runtimes.find("sh")).get().extracting(RuntimeDescriptor::name).isEqualTo("bash");
    assertThat(runtimes.forFileName("x/task.mjs"))
        .get()
        .extracting(RuntimeDescriptor::name)
        .isEqualTo("javascript");
    assertThat(runtimes.forFileName("README")).isEmpty();
    assertThat(runtimes.find("cobol")).isEmpty();
  }

  @Test
  void pythonRunsIsolatedAndInUtf8() {
    RuntimeDescriptor py = runtimes.find("python").orElseThrow();
    assertThat(py.commandFor("/run/bulwark/main.py"))
        .containsSubsequence("-I", "-X", "utf8")
        .endsWith("/run/bulwark/main.py");
  }

  @Test
  void versionsAreWhatTheRuntimesReportThemselves() throws Exception {
    for (RuntimeDescriptor d : runtimes.all()) {
      Process p = new ProcessBuilder(d.versionCommand()).redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      String version = runtimes.info(d).version();
      assertThat(version).matches("\\d+(\\.\\d+)+");
      assertThat(said).contains(version);
    }
  }

  @Test
  void aDescriptorIsDataAndItsErrorsNameTheKey() {
    Properties p = new Properties();
    p.setProperty("name", "ruby");
    p.setProperty("file", "main.rb");
    p.setProperty("command", "/usr/bin/ruby {file}");
    p.setProperty("version", "/usr/bin/ruby --version");
    p.setProperty("env.RUBYOPT", "-W0");
    RuntimeDescriptor ruby = RuntimeDescriptor.fromProperties(p, "ruby.properties");
    assertThat(ruby.env()).containsEntry("RUBYOPT", "-W0");
    assertThat(ruby.commandFor("/x/main.rb")).containsExactly("/usr/bin/ruby", "/x/main.rb");

    p.setProperty("runner", "ruby-runner.rb");
    p.setProperty("command", "/usr/bin/ruby {runner} {file}");
    p.setProperty("runner.compile", "/usr/bin/rubyc {runner}");
    assertThatThrownBy(() -> RuntimeDescriptor.fromProperties(p, "ruby.properties"))
        .hasMessageContaining("runner.compile and runner.compiled go together");
    p.setProperty("runner.compiled", "ruby-runner.rbc");
    RuntimeDescriptor compiled = RuntimeDescriptor.fromProperties(p, "ruby.properties");
    assertThat(compiled.commandFor("/x/main.rb"))
        .containsExactly("/usr/bin/ruby", "/x/ruby-runner.rbc", "/x/main.rb");
    assertThat(compiled.runnerCompileFor("/state/ruby-runner.rb"))
        .containsExactly("/usr/bin/rubyc", "/state/ruby-runner.rb");
    p.remove("runner");
    p.remove("runner.compile");
    p.remove("runner.compiled");
    p.setProperty("command", "/usr/bin/ruby {file}");

    p.remove("command");
    assertThatThrownBy(() -> RuntimeDescriptor.fromProperties(p, "ruby.properties"))
        .hasMessageContaining("'command'");
    p.setProperty("command", "ruby {file}");
    assertThatThrownBy(() -> RuntimeDescriptor.fromProperties(p, "ruby.properties"))
        .hasMessageContaining("absolute");
  }
}
