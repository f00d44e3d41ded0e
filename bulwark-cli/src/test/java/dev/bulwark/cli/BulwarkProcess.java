package dev.bulwark.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code bulwark} command as a real process, started from this test's classpath. */
final class BulwarkProcess {
  private BulwarkProcess() {}

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

  /** The command line of {@code bulwark ARGS}. */
  static List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
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
    Process p =
        new ProcessBuilder(command(serveArgs))
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
}
