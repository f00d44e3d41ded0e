package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.BulwarkProcess.Served;
import dev.bulwark.model.Json;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable parts of README.md and docs/*.md, run as written, so that the docs cannot drift from
 * the product. What counts as runnable: every line of a {@code sh} block that calls {@code
 * ./bulwark}, {@code curl} or {@code ./mvnw}; every {@code yaml} block that is a policy; every
 * {@code json} block. A {@code text} or {@code console} block is an illustration and is not run.
 *
 * <p>How each is run: {@code ./bulwark} lines by bash in a directory holding the files they name,
 * with this build as {@code ./bulwark}; {@code serve} and {@code agent} are left to the tests that
 * start a server or a scripted model ({@code BulwarkProcess}, {@code AgentCommandTest}); {@code
 * bench} lines are parsed with {@code --help} appended (their flags and values are checked, the
 * benchmark is not run: bulwark-bench's tests smoke-run each harness); {@code curl} lines against a
 * real {@code bulwark serve} on a free port with its admin key (but agent runs, which need a model:
 * {@code AgentRunsTest} serves one); a block whose lines share state (one sets a variable from a
 * {@code curl} answer, as a session's id) as one script, whose PNG files must decode; {@code
 * ./mvnw} lines only name their tests ({@code -Dtest=}), which must exist.
 */
class DocsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  /** One fenced block of a document: its file, first line, language and lines. */
  record Block(Path file, int line, String language, List<String> lines) {
    String where() {
      return ROOT.relativize(file) + ":" + line;
    }
  }

  static List<Block> blocks() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Block> blocks = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("```") && lines.get(i).length() > 3) {
          int start = i;
          List<String> body = new ArrayList<>();
          for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            body.add(lines.get(i));
          }
          blocks.add(new Block(file, start + 1, lines.get(start).substring(3).strip(), body));
        }
      }
    }
    return blocks;
  }

  /** The shell commands of {@code sh} blocks, continuation lines joined, comments cut. */
  static List<Command> commands() throws IOException {
    List<Command> commands = new ArrayList<>();
    for (Block b : blocks()) {
      if (!b.language().equals("sh")) {
        continue;
      }
      StringBuilder joined = new StringBuilder();
      for (String line : b.lines()) {
        String text = line.replaceFirst("\\s+#\\s.*$", "").strip();
        if (text.endsWith("\\")) {
          joined.append(text, 0, text.length() - 1).append(' ');
          continue;
        }
        joined.append(text);
        if (!joined.isEmpty()) {
          commands.add(new Command(b, joined.toString().strip()));
        }
        joined.setLength(0);
      }
    }
    return commands;
  }

  record Command(Block block, String line) {}

  /**
   * A {@code sh} block whose lines share state: one sets a variable from a server's answer, through
   * {@code curl} or {@code ./bulwark session}.
   */
  static boolean scripted(Block b) {
    return b.language().equals("sh")
        && b.lines().stream().anyMatch(l -> l.matches("^[A-Z_]+=\\$\\((curl|\\./bulwark) .*"));
  }

  @Test
  void everyBulwarkCommandRunsAsWritten() throws Exception {
    fixtures();
    List<String> ran = new ArrayList<>();
    String keyId = null;
    for (Command c : commands()) {
      String command = c.line();
      if (!command.contains("./bulwark ")
          || scripted(c.block()) // against a server: everyCurlCommandIsAnsweredByARealServer
          || command.contains("./bulwark serve")
          || command.contains("./bulwark agent")) {
        continue;
      }
      String line = keyId == null ? command : command.replace(" ID", " " + keyId);
      if (command.contains("./bulwark bench")) {
        line = line + " --help";
      }
      Ran r = bash(line, Map.of());
      assertThat(r.exit())
          .as("%s: %s: %s", c.block().where(), line, r.err())
          .isIn(ExitCode.OK, ExitCode.FAILED);
      assertThat(r.err()).as(line).doesNotContain("Invalid value", "Unknown option", "\tat ");
      if (command.contains("keys create") && command.contains("--json")) {
        keyId = Json.mapper().readTree(r.out()).get("id").asString();
      }
      ran.add(line);
    }
    assertThat(ran)
        .as("the commands of the README and the docs")
        .hasSizeGreaterThanOrEqualTo(25)
        .anySatisfy(c -> assertThat(c).startsWith("echo 5 | ./bulwark run double.py"))
        .anySatisfy(c -> assertThat(c).startsWith("./bulwark tenants delete acme"))
        .anySatisfy(c -> assertThat(c).startsWith("./bulwark check --sarif task.py"))
        .anySatisfy(c -> assertThat(c).startsWith("./bulwark run --file"))
        .anySatisfy(c -> assertThat(c).contains("| ./bulwark repl"));
    assertThat(ImageIO.read(dir.resolve("results/output-1.png").toFile()))
        .as("the chart that run --file --out saved")
        .isNotNull();
    assertThat(dir.resolve("results/out/summary.txt")).content().contains("north");
    assertThat(bash("printf 'x = 6\\nx * 7\\n' | ./bulwark repl", Map.of()).out())
        .isEqualTo("42\n");
    assertThat(bash("echo 5 | ./bulwark run double.py", Map.of()).out()).isEqualTo("10\n");
    assertThat(bash("./bulwark run --stdin numbers.txt double.py", Map.of()).out())
        .isEqualTo("42\n");
  }

  @Test
  void everyCurlCommandIsAnsweredByARealServer() throws Exception {
    List<Command> curls =
        commands().stream()
            .filter(c -> c.line().startsWith("curl "))
            .filter(c -> !c.line().contains("/v1/agent/")) // needs a model: AgentRunsTest
            .filter(c -> !scripted(c.block()))
            .toList();
    List<List<Command>> scripts =
        commands().stream()
            .filter(c -> scripted(c.block()))
            .collect(Collectors.groupingBy(Command::block, LinkedHashMap::new, Collectors.toList()))
            .values()
            .stream()
            .toList();
    assertThat(curls).as("the README's curl examples").isNotEmpty();
    fixtures();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    Served server =
        BulwarkProcess.serve(
            List.of("--data", dir.resolve("data").toString()), dir.resolve("serve.err"), null);
    try {
      for (Command c : curls) {
        String line = c.line().replace("localhost:8080", "127.0.0.1:" + server.port());
        Ran r = bash(line, Map.of("KEY", server.key()));
        assertThat(r.exit()).as("%s: %s: %s", c.block().where(), line, r.err()).isZero();
        assertThat(r.out()).as(line).isNotBlank().doesNotContain("\"error\"");
      }
      assertThat(scripts)
          .as("the worked examples of docs/sessions.md, and the README's bulwark session")
          .anySatisfy(script ->
              assertThat(script.getFirst().block().file().getFileName()).hasToString("README.md"))
          .anySatisfy(script ->
              assertThat(script.getFirst().block().file().getFileName())
                  .hasToString("sessions.md"));
      for (List<Command> script : scripts) {
        runScript(script, server.port(), server.key());
      }
      assertThat(ImageIO.read(dir.resolve("charts/cell-2-output-1.png").toFile()))
          .as("the chart bulwark session exec --out saved")
          .isNotNull();
      assertThat(dir.resolve("copy.csv"))
          .hasSameTextualContentAs(ROOT.resolve("examples/sales.csv"));
    } finally {
      server.process().destroy();
      server.process().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Runs a block's commands as one bash script that stops at the first failure: no answer may be an
   * error, and every PNG the block wrote must decode.
   */
  private void runScript(List<Command> script, int port, String key) throws Exception {
    Files.createDirectories(dir.resolve("examples"));
    Files.copy(
        ROOT.resolve("examples/sales.csv"),
        dir.resolve("examples/sales.csv"),
        StandardCopyOption.REPLACE_EXISTING);
    String where = script.getFirst().block().where();
    String text =
        "set -euo pipefail\n"
            + String.join(
                "\n",
                script.stream()
                    .map(c -> c.line().replace("localhost:8080", "127.0.0.1:" + port))
                    .toList());
    Ran r = bash(text, Map.of("KEY", key));
    assertThat(r.exit()).as("%s: %s", where, r.err()).isZero();
    assertThat(r.err()).as(where).doesNotContain("\tat ");
    assertThat(r.out()).as(where).isNotBlank().doesNotContain("\"error\"");
    List<String> pngs =
        script.stream()
            .flatMap(c -> Pattern.compile("-o (\\S+\\.png)").matcher(c.line()).results())
            .map(m -> m.group(1))
            .toList();
    for (String png : pngs) {
      BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
      assertThat(image).as("%s: %s decodes as an image", where, png).isNotNull();
      assertThat(image.getWidth()).isPositive();
    }
  }

  @Test
  void everyPolicyAndJsonBlockReadsAndThePolicyExampleDeniesWhatItSays() throws Exception {
    fixtures();
    int policies = 0;
    for (Block b : blocks()) {
      String text = String.join("\n", b.lines()) + "\n";
      if (b.language().equals("json") && !text.contains("...")) {
        assertThat(Json.mapper().readTree(text)).as(b.where()).isNotNull();
      }
      if (b.language().equals("yaml") && text.contains("version: 1") && text.contains("rules:")) {
        Path policy = Files.writeString(dir.resolve("policy-" + policies++ + ".yaml"), text);
        Ran shown = bash("./bulwark policy show " + policy, Map.of());
        assertThat(shown.exit()).as("%s: %s", b.where(), shown.err()).isZero();
        if (text.contains("deny: [pickle]")) {
          Files.writeString(dir.resolve("unpickle.py"), "import pickle\n");
          Ran check = bash("./bulwark check --policy " + policy + " unpickle.py", Map.of());
          assertThat(check.exit()).as(b.where() + ": pickle is denied").isEqualTo(ExitCode.FAILED);
          assertThat(check.out()).contains("DENY py.modules");
        }
      }
    }
    assertThat(policies).as("the policy examples").isPositive();
  }

  @Test
  void everyMavenCommandNamesTestsThatExist() throws Exception {
    Pattern tests = Pattern.compile("-Dtest='?([A-Za-z0-9_,#*]+)'?");
    for (Command c : commands()) {
      Matcher m = tests.matcher(c.line());
      if (c.line().startsWith("./mvnw") && m.find()) {
        for (String test : m.group(1).split(",")) {
          String name = test.replaceFirst("#.*$", "") + ".java";
          try (Stream<Path> found = Files.walk(ROOT)) {
            assertThat(found.anyMatch(p -> p.getFileName().toString().equals(name)))
                .as("%s names %s", c.block().where(), name)
                .isTrue();
          }
        }
      }
    }
  }

  private record Ran(int exit, String out, String err) {}

  /** One documented line, by bash, where {@code ./bulwark} is this build's command. */
  private Ran bash(String line, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", line)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(line).isTrue();
    return new Ran(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
  }

  /** The files the documented commands name, the command itself, and a data directory. */
  private void fixtures() throws Exception {
    Files.writeString(dir.resolve("task.py"), "print(6 * 7)\n");
    Files.writeString(dir.resolve("double.py"), "print(int(input()) * 2)\n");
    Files.writeString(dir.resolve("numbers.txt"), "21\n");
    Files.createDirectories(dir.resolve("examples"));
    try (Stream<Path> examples = Files.list(ROOT.resolve("examples"))) {
      for (Path example : examples.toList()) {
        Files.copy(
            example,
            dir.resolve("examples").resolve(example.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String command =
        String.join(" ", BulwarkProcess.command(List.of()).stream().map(DocsTest::quoted).toList());
    Path bulwark =
        Files.writeString(
            dir.resolve("bulwark"),
            "#!/bin/sh\nBULWARK_HOME='" + dir.resolve("data") + "' exec " + command + " \"$@\"\n");
    Files.setPosixFilePermissions(bulwark, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String quoted(String arg) {
    Matcher plain = Pattern.compile("[A-Za-z0-9_./=:,-]+").matcher(arg);
    return plain.matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
