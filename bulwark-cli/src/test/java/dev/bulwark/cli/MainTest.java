package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.config.ConfigFile;
import dev.bulwark.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The command line as a user meets it: real engine, real sandboxes, exit codes as documented. */
class MainTest {
  @TempDir Path dir;

  record Outcome(int exitCode, String out, String err) {}

  /** {@code bulwark ARGS} in this JVM, as typed at a terminal: stdin is not read. */
  static Outcome bulwark(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    Stdio stdio = new Stdio(InputStream.nullInputStream(), true, out, err);
    int code = Main.commandLine(stdio).execute(args);
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path program(String name, String code) throws Exception {
    return Files.writeString(dir.resolve(name), code);
  }

  /** {@code bulwark serve ARGS} parsed, not run. */
  private static ServeCommand serve(String... args) {
    CommandLine cli = new CommandLine(new ServeCommand());
    Converters.register(cli);
    cli.parseArgs(args);
    return cli.getCommand();
  }

  @Test
  void serveTakesTheDefaultsThenTheConfigFileThenItsFlags() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        data.resolve("bulwark.yaml"),
        "server: {port: 9090, maxConcurrent: 3}\nengine: {warmPools: [python:strict=1]}\n");
    ConfigFile c =
        serve("--data", data.toString(), "--port", "7070", "--max-source", "3k").effective();
    assertThat(c.server().maxSourceBytes()).as("the flag").isEqualTo(3072);
    assertThat(c.server().port()).as("the flag").isEqualTo(7070);
    assertThat(c.server().maxConcurrent()).as("the file").isEqualTo(3);
    assertThat(c.server().host()).as("the default").isEqualTo("127.0.0.1");
    assertThat(c.engine().warmPools()).containsExactly(new WarmPoolSpec("python", "strict", 1));

    ServeCommand pools = serve("--data", data.toString(), "--pool", "python=0");
    assertThat(pools.effective().engine().warmPools())
        .containsExactly(new WarmPoolSpec("python", "default", 0));

    Outcome shown = bulwark("config", "show", "--data", data.toString());
    assertThat(shown.exitCode()).isZero();
    assertThat(shown.out()).contains("port: 9090").contains("python:strict=1");
    Files.writeString(data.resolve("bulwark.yaml"), "server: {prot: 1}\n");
    Outcome bad = bulwark("config", "show", "--data", data.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown key 'server.prot'");
    Outcome badServe = bulwark("serve", "--data", data.toString());
    assertThat(badServe.exitCode()).as("serve refuses it before starting").isEqualTo(2);
    assertThat(badServe.err()).contains("unknown key 'server.prot'");
  }

  @Test
  void versionAndHelpWork() {
    Outcome version = bulwark("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("bulwark 0.");
    Outcome help = bulwark("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("run", "doctor", "bench", "profiles");
  }

  @Test
  void jsonRunPrintsExactlyOneResultObject() throws Exception {
    Outcome o = bulwark("run", "--json", program("task.py", "print(6 * 7)").toString());
    assertThat(o.exitCode()).isZero();
    JsonNode result = Json.mapper().readTree(o.out());
    assertThat(o.out().strip().lines()).hasSize(1);
    assertThat(result.get("status").asString()).isEqualTo("OK");
    assertThat(result.get("stdout").asString()).isEqualTo("42\n");
    assertThat(result.get("runtime").get("name").asString()).isEqualTo("python");
    for (String field :
        new String[] {
          "exitCode",
          "signal",
          "stderr",
          "stdoutTruncated",
          "stderrTruncated",
          "wallMs",
          "cpuMs",
          "peakMemoryBytes",
          "findings",
          "reason"
        }) {
      assertThat(result.has(field)).as(field).isTrue();
    }
  }

  @Test
  void plainRunPassesOutputThroughAndAFailedProgramExitsOne() throws Exception {
    Outcome o = bulwark("run", program("fail.sh", "echo out; echo err >&2; exit 3").toString());
    assertThat(o.exitCode()).as("the program failed").isEqualTo(ExitCode.FAILED);
    assertThat(o.out()).isEqualTo("out\n");
    assertThat(o.err()).startsWith("err\n").contains("bulwark: ERROR: exited with code 3");
  }

  @Test
  void aLimitStatusIsExplainedOnStderr() throws Exception {
    Outcome o = bulwark("run", "--timeout", "1s", program("spin.js", "for(;;){}").toString());
    assertThat(o.exitCode()).isNotZero();
    assertThat(o.err()).contains("bulwark: TIMEOUT: wall-clock timeout of 1s reached");
  }

  @Test
  void badUsageExitsWithTwoAndNamesTheProblem() throws Exception {
    Path task = program("task.py", "print(1)");
    assertThat(bulwark("run", "--memory", "lots", task.toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("--memory").contains("512m");
        });
    assertThat(bulwark("run", "--timeout", "forever", task.toString()).err()).contains("--timeout");
    assertThat(bulwark("run", "--profile", "huge", task.toString()).err())
        .contains("default, lambda, strict");
    assertThat(bulwark("run", program("notes.txt", "x").toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("--lang");
        });
    assertThat(bulwark("run", "--lang", "cobol", task.toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("python, javascript, bash");
        });
    assertThat(bulwark("run", dir.resolve("missing.py").toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("no such file");
        });
    assertThat(bulwark("run", "--no-such-flag", task.toString()).exitCode()).isEqualTo(2);
    assertThat(bulwark("run", "--pids", "many", task.toString()).exitCode()).isEqualTo(2);
    assertThat(bulwark("run", "--map-host", "api.internal=localhost:80", task.toString()))
        .satisfies(o -> {
          assertThat(o.exitCode()).isEqualTo(2);
          assertThat(o.err()).contains("--map-host").contains("IP literal");
        });
    assertThat(bulwark("run", "--credential", "api.internal", task.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void runReachesAnAllowedMappedHostAndNothingElse() throws Exception {
    HttpServer api =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/",
        exchange -> {
          byte[] body = "pong\n".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
    try {
      Path task =
          program(
              "net.py",
              "import urllib.request\n"
                  + "print(urllib.request.urlopen('http://api.internal/', timeout=10).read().decode(), end='')\n"
                  + "urllib.request.urlopen('http://' + 'other.example/', timeout=10)\n");
      Outcome o =
          bulwark(
              "run",
              "--policy",
              "audit", // the proxy, not the validation layer, must stop the second request
              "--allow-domain",
              "api.internal",
              "--map-host",
              "api.internal=127.0.0.1:" + api.getAddress().getPort(),
              task.toString());
      assertThat(o.out()).as(o.err()).isEqualTo("pong\n");
      assertThat(o.err()).contains("NETWORK_DENIED").contains("other.example:80");
    } finally {
      api.stop(0);
    }
  }

  @Test
  void profilesListsThePresets() {
    Outcome o = bulwark("profiles");
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).contains("default", "2g", "lambda", "128m", "strict", "256m");
  }

  @Test
  void doctorPassesOnThisHost() {
    Outcome o = bulwark("doctor");
    assertThat(o.out())
        .contains("bubblewrap", "cgroups", "seccomp", "payload uid", "runtime python", "sandbox");
    assertThat(o.exitCode()).as(o.out()).isZero();
  }

  @Test
  void checkExitsZeroWhenAllowedOneWhenDeniedAndExplainsInLinterStyle() throws Exception {
    Outcome ok = bulwark("check", program("ok.py", "print(sum([1, 2]))\n").toString());
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("ALLOW under policy 'standard'");

    Path attack = program("attack.py", "import os\n().__class__.__base__.__subclasses__()\n");
    Outcome denied = bulwark("check", attack.toString());
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.out())
        .contains(attack + ":2:1: DENY py.introspection [critical]")
        .contains("    ().__class__.__base__.__subclasses__()")
        .contains("    fix: ");
  }

  @Test
  void checkJsonIsOneObjectWithOutcomeAndFindings() throws Exception {
    Path code = program("net.py", "import requests\nrequests.get('https://data.example.org/a')\n");
    Outcome denied = bulwark("check", "--json", code.toString());
    JsonNode doc = Json.mapper().readTree(denied.out());
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(doc.get("outcome").asString()).isEqualTo("DENY");
    JsonNode finding = doc.get("findings").get(doc.get("findings").size() - 1);
    for (String field :
        new String[] {
          "ruleId", "severity", "outcome", "message", "line", "column", "snippet", "remediation"
        }) {
      assertThat(finding.has(field)).as(field).isTrue();
    }
    assertThat(finding.get("ruleId").asString()).isEqualTo("py.network.domain");

    Outcome allowed =
        bulwark("check", "--json", "--allow-domain", "*.example.org", code.toString());
    assertThat(allowed.exitCode()).isZero();
    assertThat(Json.mapper().readTree(allowed.out()).get("outcome").asString()).isEqualTo("ALLOW");
  }

  @Test
  void checkSarifIsALogCodeScanningToolsRead() throws Exception {
    Path code = program("e.js", "eval(atob('MQ=='))\n");
    Outcome o = bulwark("check", "--sarif", code.toString());
    JsonNode log = Json.mapper().readTree(o.out());
    assertThat(log.get("version").asString()).isEqualTo("2.1.0");
    JsonNode run = log.get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    JsonNode result = run.get("results").get(0);
    assertThat(result.get("ruleId").asString()).isEqualTo("js.eval.obfuscated");
    assertThat(result.get("level").asString()).isEqualTo("error");
    assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString())
        .isEqualTo("js.eval.obfuscated");
    JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
    assertThat(region.get("startLine").asInt()).isEqualTo(1);
    assertThat(o.exitCode()).isEqualTo(1);
  }

  @Test
  void checkReadsStdinAndRefusesBadUsageWithExitTwo() throws Exception {
    assertThat(bulwark("check", "-").exitCode()).isEqualTo(2);
    assertThat(bulwark("check", "--policy", "nope", program("a.py", "1").toString()).exitCode())
        .isEqualTo(2);
    Outcome badHost =
        bulwark("check", "--allow-domain", "http://x", program("b.py", "1").toString());
    assertThat(badHost.exitCode()).isEqualTo(2);
    assertThat(badHost.err()).contains("--allow-domain");
    assertThat(bulwark("check", "--json", "--sarif", "x.py").exitCode()).isEqualTo(2);
  }

  @Test
  void runRefusesDeniedCodeAndReportsFlaggedCodeOnStderr() throws Exception {
    Outcome denied =
        bulwark(
            "run",
            "--policy",
            "strict",
            program("s.py", "import socket\nprint('never')\n").toString());
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.out()).isEmpty();
    assertThat(denied.err()).contains("POLICY_DENIED").contains("py.modules");

    Outcome flagged =
        bulwark("run", program("f.py", "import subprocess\nprint('ran')\n").toString());
    assertThat(flagged.exitCode()).isZero();
    assertThat(flagged.out()).isEqualTo("ran\n");
    assertThat(flagged.err()).contains("FLAG py.process (line 1)");
  }

  @Test
  void aPolicyFileIsUsedAndShown() throws Exception {
    Path file =
        program(
            "team.yaml",
            """
            version: 1
            name: team
            limits: lambda
            rules:
              "*": flag
              py.process: deny
            network:
              allow: [api.example.com]
            """);
    Outcome shown = bulwark("policy", "show", file.toString());
    assertThat(shown.exitCode()).isZero();
    assertThat(shown.out())
        .contains("name: \"team\"")
        .contains("py.process: \"deny\"")
        .contains("py.introspection: \"flag\"")
        .contains("api.example.com");
    Outcome denied =
        bulwark(
            "run", "--policy", file.toString(), program("p.py", "import subprocess\n").toString());
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.err()).contains("policy 'team' denies");
    assertThat(bulwark("policy", "show", "nope").exitCode()).isEqualTo(2);
  }

  @Test
  void keysAreIssuedOnceListedWithoutSecretsAndRevokedOffline() throws Exception {
    String data = dir.resolve("data").toString();
    assertThat(bulwark("tenants", "create", "acme", "--data", data).exitCode()).isZero();
    Outcome created = bulwark("keys", "create", "--tenant", "acme", "--json", "--data", data);
    assertThat(created.exitCode()).isZero();
    JsonNode key = Json.mapper().readTree(created.out());
    assertThat(key.propertyNames()).containsExactly("id", "key", "tenant");
    assertThat(key.get("tenant").asString()).isEqualTo("acme");
    String secret = key.get("key").asString().substring(key.get("key").asString().indexOf('.') + 1);

    Outcome listed = bulwark("keys", "list", "--json", "--data", data);
    assertThat(listed.out()).contains(key.get("id").asString()).doesNotContain(secret);
    assertThat(Json.mapper().readTree(listed.out()).get(0).get("revokedAt").isNull()).isTrue();

    assertThat(bulwark("keys", "revoke", key.get("id").asString(), "--data", data).exitCode())
        .isZero();
    assertThat(bulwark("keys", "list", "--data", data).out()).contains("revoked");
  }

  @Test
  void tenantAndKeyMistakesExitTwoAndChangeNothing() throws Exception {
    String data = dir.resolve("data").toString();
    assertThat(bulwark("keys", "create", "--tenant", "nobody", "--data", data).exitCode())
        .isEqualTo(2);
    assertThat(bulwark("tenants", "create", "Bad Name", "--data", data).exitCode()).isEqualTo(2);
    assertThat(bulwark("tenants", "create", "a", "--policy", "nope", "--data", data).exitCode())
        .isEqualTo(2);
    assertThat(bulwark("keys", "revoke", "nosuchkey", "--data", data).exitCode()).isEqualTo(2);
    assertThat(bulwark("tenants", "create", "acme", "--data", data).exitCode()).isZero();
    Outcome again = bulwark("tenants", "create", "acme", "--data", data);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exists already");
    JsonNode all =
        Json.mapper().readTree(bulwark("tenants", "list", "--json", "--data", data).out());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get("policy").asString()).isEqualTo("standard");
  }

  @Test
  void benchValidationPrintsTheQualityOfLabelledPrograms() throws Exception {
    Path sets = dir.resolve("sets");
    Files.createDirectories(sets.resolve("benign/plots"));
    Files.createDirectories(sets.resolve("hostile/concealment"));
    Files.writeString(sets.resolve("benign/plots/mean.py"), "print(sum([1, 2]) / 2)\n");
    Files.writeString(
        sets.resolve("hostile/concealment/built.py"),
        "getattr(__import__('o' + 's'), 'sys' + 'tem')('id')\n");
    Outcome o = bulwark("bench", "validation", "--evaluation", sets.toString());
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("#### standard", "#### strict")
        .contains("| concealment | 1/1 (100.0%; 20.7-100.0) | 1/1 (100.0%; 20.7-100.0) |")
        .contains("| plots | 0/1 (0.0%; 0.0-79.3) | 0/1 (0.0%; 0.0-79.3) |");
    Outcome missing =
        bulwark("bench", "validation", "--evaluation", dir.resolve("none").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a directory");
  }
}
