package dev.bulwark.cli;

import dev.bulwark.model.Artifact;
import dev.bulwark.model.Output;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A run's rich outputs and artifacts saved as files under {@code --out}, each saved path printed on
 * stderr (stdout stays the program's). Images ({@code image/png}, {@code image/svg+xml}) and HTML
 * ({@code text/html}) of displays and results become {@code PREFIXoutput-N.png} and so on, numbered
 * in the order they were made; artifacts keep the names they had in the workspace. Not thread-safe:
 * one command saves after its run.
 */
final class SavedOutputs {
  /** The representations worth a file, and their extension. */
  private static final Map<String, String> EXTENSIONS =
      Map.of("image/png", "png", "image/svg+xml", "svg", "text/html", "html");

  private static final List<String> ORDER = List.of("image/png", "image/svg+xml", "text/html");

  /** Reads the bytes of an artifact the engine or the server keeps. */
  interface Kept {
    InputStream open(Artifact artifact) throws IOException;
  }

  private final OutputDirectory dir;
  private final PrintWriter err;
  private int saved;

  SavedOutputs(OutputDirectory dir, PrintWriter err) {
    this.dir = dir;
    this.err = err;
  }

  /** Saves each output's images and HTML as {@code PREFIXoutput-N.EXT}. */
  void outputs(String prefix, List<Output> outputs) throws IOException {
    for (Output output : outputs) {
      if (output.outputType() == Output.Type.ERROR) {
        continue;
      }
      boolean any = false;
      for (String type : ORDER) {
        if (output.data().get(type) instanceof String data) {
          if (!any) {
            saved++;
            any = true;
          }
          save(prefix + "output-" + saved + "." + EXTENSIONS.get(type), bytes(type, data));
        }
      }
    }
  }

  /** Saves each artifact under its own name, reading a kept one through {@code kept}. */
  void artifacts(List<Artifact> artifacts, Kept kept) throws IOException {
    for (Artifact artifact : artifacts) {
      if (artifact.isInline()) {
        save(artifact.name(), artifact.content());
      } else {
        try (InputStream in = kept.open(artifact)) {
          announce(dir.write(artifact.name(), in));
        }
      }
    }
  }

  private void save(String name, byte[] content) throws IOException {
    announce(dir.write(name, content));
  }

  private void announce(Path path) {
    err.println("bulwark: saved " + path);
    err.flush();
  }

  /** Binary representations travel as base64 (nbformat's, lines allowed); text as it is. */
  private static byte[] bytes(String type, String data) {
    return type.equals("image/png")
        ? Base64.getMimeDecoder().decode(data)
        : data.getBytes(StandardCharsets.UTF_8);
  }
}
