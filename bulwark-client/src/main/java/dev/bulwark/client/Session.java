package dev.bulwark.client;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A session of a Bulwark server: cells run one after the other in the same interpreter, and files
 * move in and out of its workspace. Opened by {@link BulwarkClient#openSession}; {@link #close()}
 * ends it on the server. Thread-safe, as the server is: a cell sent while another runs is refused
 * ({@code session_busy}) unless it waits.
 *
 * <pre>{@code
 * try (Session s = bulwark.openSession("python")) {
 *   s.upload("sales.csv", Path.of("sales.csv"));
 *   ExecutionResult r = s.run("import pandas as pd\npd.read_csv('sales.csv').describe()");
 *   r.outputs(); // text/html and text/plain
 * }
 * }</pre>
 *
 * Every refusal is a {@link BulwarkException}: {@code session_dead} (with {@code cause} and {@code
 * reason} in its details) once the session has ended, {@code session_not_found}, the file codes
 * ({@code invalid_path}, {@code file_not_found}, {@code not_a_file}, {@code file_too_large}, {@code
 * workspace_full}).
 */
public final class Session implements AutoCloseable {
  private final BulwarkClient client;
  private final String id;
  private final String path;

  Session(BulwarkClient client, String id) {
    this.client = client;
    this.id = id;
    this.path = "/v1/sessions/" + id;
  }

  /** Its id on the server. */
  public String id() {
    return id;
  }

  /** Where it is now, as the server says. */
  public SessionInfo info() {
    return BulwarkClient.read(
        client.send(client.request(path).GET(), BulwarkClient.ofString()), SessionInfo.class);
  }

  /** Runs a cell and waits for its result; refused while another cell runs. */
  public ExecutionResult run(String code) {
    return run(code, null, false);
  }

  /**
   * Runs a cell and waits for its result.
   *
   * @param timeout its wall clock, at most the session's; null for the session's
   * @param waitIfBusy wait for a running cell instead of being refused with {@code session_busy}
   */
  public ExecutionResult run(String code, Duration timeout, boolean waitIfBusy) {
    return BulwarkClient.read(
        client.send(
            client.post(path + "/executions", cell(code, timeout, waitIfBusy)),
            BulwarkClient.ofString()),
        ExecutionResult.class);
  }

  /**
   * Runs a cell, streaming: {@code listener} hears its findings, output and rich outputs ({@link
   * OutputListener#display}) as they come; the result is returned at the end.
   */
  public ExecutionResult run(String code, OutputListener listener) {
    return run(code, null, false, listener);
  }

  /**
   * Runs a cell, streaming, as {@link #run(String, OutputListener)} does.
   *
   * @param timeout its wall clock, at most the session's; null for the session's
   * @param waitIfBusy wait for a running cell instead of being refused with {@code session_busy}
   */
  public ExecutionResult run(
      String code, Duration timeout, boolean waitIfBusy, OutputListener listener) {
    return client.events(
        client.post(path + "/executions", cell(code, timeout, waitIfBusy)), listener);
  }

  private static String cell(String code, Duration timeout, boolean waitIfBusy) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    if (timeout != null) {
      body.put("timeout", timeout.toMillis() + "ms");
    }
    if (waitIfBusy) {
      body.put("wait", true);
    }
    return Json.write(body);
  }

  /** Stops the running cell, as Ctrl-C would; the session survives. */
  public void interrupt() {
    expect(
        202,
        client.send(client.request(path + "/interrupt").POST(noBody()), BulwarkClient.ofString()));
  }

  /** A fresh interpreter, the files kept; returns once it is ready. */
  public void restart() {
    expect(
        200,
        client.send(client.request(path + "/restart").POST(noBody()), BulwarkClient.ofString()));
  }

  /** Writes a file of the workspace from {@code content}, streamed. */
  public FileInfo upload(String file, InputStream content) {
    HttpRequest.Builder put =
        client
            .request(filePath(file))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> content));
    return BulwarkClient.read(client.send(put, BulwarkClient.ofString()), 201, FileInfo.class);
  }

  /** Writes a file of the workspace from a local file, streamed. */
  public FileInfo upload(String file, Path local) {
    try (InputStream in = Files.newInputStream(local)) {
      return upload(file, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file of the workspace. */
  public FileInfo upload(String file, byte[] content) {
    HttpRequest.Builder put =
        client
            .request(filePath(file))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
    return BulwarkClient.read(client.send(put, BulwarkClient.ofString()), 201, FileInfo.class);
  }

  /** Reads a file of the workspace into {@code sink}, streamed. */
  public void download(String file, OutputStream sink) {
    HttpResponse<InputStream> r =
        client.send(client.get(filePath(file)), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        throw BulwarkClient.refusal(
            r.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8), r);
      }
      in.transferTo(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file of the workspace. */
  public byte[] download(String file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    download(file, out);
    return out.toByteArray();
  }

  /** The entries of a directory of the workspace ({@code ""} for its root). */
  public FileListing files(String directory) {
    String query = "?path=" + URLEncoder.encode(directory, StandardCharsets.UTF_8);
    return BulwarkClient.read(
        client.send(client.request(path + "/files" + query).GET(), BulwarkClient.ofString()),
        FileListing.class);
  }

  /** Removes a file, a symbolic link or an empty directory of the workspace. */
  public void delete(String file) {
    expect(204, client.send(client.request(filePath(file)).DELETE(), BulwarkClient.ofString()));
  }

  /** Ends the session on the server; its files are destroyed. Idempotent. */
  @Override
  public void close() {
    HttpResponse<String> r = client.send(client.request(path).DELETE(), BulwarkClient.ofString());
    if (r.statusCode() != 204 && r.statusCode() != 404) {
      throw BulwarkClient.refusal(r.statusCode(), r.body(), r);
    }
  }

  private String filePath(String file) {
    return path
        + "/files/"
        + Arrays.stream(file.split("/", -1))
            .map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"))
            .collect(Collectors.joining("/"));
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static void expect(int status, HttpResponse<String> r) {
    if (r.statusCode() != status) {
      throw BulwarkClient.refusal(r.statusCode(), r.body(), r);
    }
  }
}
