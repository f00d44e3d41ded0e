package dev.bulwark.cli;

import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.Session;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.Json;
import dev.bulwark.model.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark session put|get|ls}: files in and out of a session's workspace, streamed. */
final class SessionFiles {
  private SessionFiles() {}

  /** One entry as a line: name, size, kind, when it last changed. */
  static String line(FileInfo f) {
    return String.join(
        "\t",
        f.path(),
        Units.formatSize(f.size()),
        f.kind().toString().toLowerCase(Locale.ROOT),
        String.valueOf(f.modified()));
  }

  @Command(
      name = "put",
      mixinStandardHelpOptions = true,
      description = {
        "Uploads a local file (or - for stdin) into the session's workspace, streamed; prints its"
            + " entry.",
        "Parent directories are created; an existing file is replaced."
      })
  static final class Put implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "ID", description = "The session.")
    String id;

    @Parameters(index = "1", paramLabel = "LOCAL|-", description = "The file to upload.")
    String local;

    @Parameters(
        index = "2",
        arity = "0..1",
        paramLabel = "PATH",
        description = "Its path in the workspace (default: the local file's name).")
    String path;

    @Override
    public Integer call() throws IOException {
      boolean fromStdin = local.equals("-");
      if (fromStdin && path == null) {
        throw new IllegalArgumentException("put - needs the PATH to write in the workspace");
      }
      String target = path != null ? path : String.valueOf(Path.of(local).getFileName());
      try (BulwarkClient client = remote.connect();
          InputStream in = fromStdin ? Main.stdio(spec).in() : Input.open(Path.of(local))) {
        FileInfo written = client.session(id).upload(target, in);
        PrintWriter out = spec.commandLine().getOut();
        out.println(line(written));
        out.flush();
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Downloads a file of the session's workspace to a local file or stdout.")
  static final class Get implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "ID", description = "The session.")
    String id;

    @Parameters(index = "1", paramLabel = "PATH", description = "Its path in the workspace.")
    String path;

    @Parameters(
        index = "2",
        arity = "0..1",
        paramLabel = "LOCAL|-",
        description = "Where to write it (default: stdout); an existing file is replaced.")
    String local;

    @Override
    public Integer call() throws IOException {
      try (BulwarkClient client = remote.connect()) {
        Session session = client.session(id);
        if (local == null || local.equals("-")) {
          OutputStream out = Main.stdio(spec).out();
          session.download(path, out);
          out.flush();
          return ExitCode.OK;
        }
        Path target = Path.of(local);
        if (Files.isDirectory(target)) {
          throw new IllegalArgumentException(local + " is a directory: name the file");
        }
        // Into a temporary file first: a refused download leaves no half-written file behind.
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".get", ".tmp");
        try {
          try (OutputStream out = Files.newOutputStream(temporary)) {
            session.download(path, out);
          }
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "ls",
      mixinStandardHelpOptions = true,
      description = "Lists a directory of the session's workspace: name, size, kind, modified.")
  static final class Ls implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "ID", description = "The session.")
    String id;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "DIR",
        description = "The directory (default: the workspace's root).")
    String directory = "";

    @Option(names = "--json", description = "Print the listing as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (BulwarkClient client = remote.connect()) {
        FileListing listing = client.session(id).files(directory);
        if (json) {
          out.println(Json.write(listing));
        } else {
          listing.entries().forEach(f -> out.println(line(f)));
          if (listing.truncated()) {
            spec.commandLine().getErr().println("bulwark: more entries than a listing shows");
            spec.commandLine().getErr().flush();
          }
        }
      }
      out.flush();
      return ExitCode.OK;
    }
  }
}
