package dev.bulwark.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The {@code bulwark} command as a real process, started from this test's classpath. */
final class BulwarkProcess {
  /** How long a finished command may take: far beyond any run of these tests. */
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private BulwarkProcess() {}

  /** A {@code bulwark} that ended: its exit code, its stdout as bytes, and its stderr. */
  record Finished(int exitCode, byte[] stdout, String err) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** For assertion messages. */
    String describe() {
      return "exit " + exitCode + ", stderr: " + err;
    }
  }

  /**
   * Runs {@code bulwark ARGS} to its end, its stdin a pipe that holds {@code stdin} and then ends
   * (not a terminal, as in {@code echo 5 | bulwark run prog.py}).
   */
  static Finished run(List<String> args, byte[] stdin) throws Exception {
    Process p = new ProcessBuilder(command(args)).start();
    Thread feed =
        Thread.ofVirtual()
            .start(() -> {
              try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
              } catch (IOException e) {
                // bulwark stopped reading (an input over its cap): what it did is the result
              }
            });
    CompletableFuture<byte[]> out = drain(p.getInputStream());
    CompletableFuture<byte[]> err = drain(p.getErrorStream());
    if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("bulwark " + args + " did not end in " + TIMEOUT);
    }
    feed.join();
    return new Finished(p.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
  }

  /** Runs {@code bulwark ARGS} to its end with nothing on its stdin. */
  static Finished run(String... args) throws Exception {
    return run(List.of(args), new byte[0]);
  }

  /**
   * Starts {@code bulwark ARGS} under {@code script(1)}, whose pseudo-terminal is the command's
   * stdin, stdout and stderr, as when a person types it; the process's output is the terminal's.
   */
  static Process inTerminal(List<String> args) throws IOException {
    String line =
        command(args).stream().map(BulwarkProcess::quoted).collect(Collectors.joining(" "));
    ProcessBuilder pb = new ProcessBuilder("script", "-qfec", line, "/dev/null");
    pb.environment().put("SHELL", "/bin/sh");
    return pb.redirectErrorStream(true).start();
  }

  /** Stops a process this test started, and everything it started, children first. */
  static void stop(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(() -> {
          try (in) {
            bytes.complete(in.readAllBytes());
          } catch (IOException e) {
            bytes.completeExceptionally(e);
          }
        });
    return bytes;
  }

  private static String quoted(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  /** A running {@code bulwark serve}: its process, port and, on first start, the admin key. */
  record Served(Process process, int port, String key) {
    HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", "Bearer " + key);
    }

    HttpRequest post(String path, String json) {
      return request(path)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build();
    }
  }

  /**
   * The command line of {@code bulwark ARGS}, with the JVM flags of the {@code bulwark} launcher:
   * short commands start faster with the C1 compiler only; a server and a bench keep the other.
   */
  static List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-XX:+UseSerialGC");
    if (args.isEmpty() || !List.of("serve", "bench").contains(args.getFirst())) {
      cmd.add("-XX:TieredStopAtLevel=1");
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Starts {@code bulwark serve --port 0 ARGS}, its stderr appended to {@code log}, and waits until
   * it serves; reads the key it prints on its first start ({@code knownKey} otherwise).
   */
  static Served serve(List<String> args, Path log, String knownKey) throws IOException {
    List<String> serveArgs = new ArrayList<>(List.of("serve", "--port", "0"));
    serveArgs.addAll(args);
    // SIGINT and SIGTERM as a terminal gives them, whatever this test's own parent ignores: a
    // build started in the background (`cmd &`) ignores SIGINT, its children inherit that, and
    // the JVM then rightly leaves SIGINT ignored.
    List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT,TERM"));
    cmd.addAll(command(serveArgs));
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String key = knownKey;
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("bwk_")) {
        key = line.strip();
      } else if (line.startsWith("bulwark: serving on http://")) {
        int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).strip());
        return new Served(p, port, key);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("bulwark serve did not start: " + Files.readString(log));
  }

  /**
   * Starts a server for a test class's remote commands, its data and log in {@code dir}, with no
   * warm pools (nothing kept running between the tests' requests).
   */
  static Served serveWithoutPools(Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path config =
        Files.writeString(
            data.resolve("bulwark.yaml"), "engine:\n  warmPools: [python=0, javascript=0]\n");
    return serve(
        List.of("--data", data.toString(), "--config", config.toString()),
        dir.resolve("serve.err"),
        null);
  }

  /** Stops a server of {@link #serveWithoutPools}, if it started. */
  static void stop(Served served) throws InterruptedException {
    if (served != null) {
      served.process().destroy();
      served.process().waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** The flags that name {@code served} and its key to a remote command. */
  static List<String> remote(Served served) {
    return List.of("--server", "http://127.0.0.1:" + served.port(), "--key", served.key());
  }
}
