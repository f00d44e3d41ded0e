package dev.bulwark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags of a one-shot run's files: what goes in, what comes back, and where it lands. */
final class RunFiles {
  @Option(
      names = "--file",
      paramLabel = "PATH[=NAME]",
      description =
          "A local file placed in the workspace before the program runs, as NAME (default: the"
              + " file's own name). Repeatable.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--artifact",
      paramLabel = "GLOB",
      description =
          "Workspace files to save under --out once the program ended (*, ?, **: '*.png',"
              + " 'out/**'). Repeatable.")
  List<String> artifacts = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where artifacts and the run's images and HTML (output-1.png...) are saved (created if"
              + " missing); each saved path is printed on stderr.")
  Path out;

  /** The input files by workspace name; a missing local file is the user's input error. */
  Map<String, byte[]> files() throws IOException {
    return read(files);
  }

  /** Local files given as {@code PATH[=NAME]} ({@code --file}), read now, by workspace name. */
  static Map<String, byte[]> read(List<String> specs) throws IOException {
    Map<String, byte[]> named = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.lastIndexOf('=');
      Path local = Path.of(eq < 0 ? spec : spec.substring(0, eq));
      String name = eq < 0 ? String.valueOf(local.getFileName()) : spec.substring(eq + 1);
      if (name.isEmpty() || local.toString().isEmpty()) {
        throw new IllegalArgumentException("--file " + spec + ": expected PATH or PATH=NAME");
      }
      if (named.put(name, Files.readAllBytes(local)) != null) {
        throw new IllegalArgumentException("--file: two files named " + name);
      }
    }
    return named;
  }

  /**
   * Where outputs are saved, or null without {@code --out}.
   *
   * @throws IllegalArgumentException for {@code --artifact} without {@code --out}
   */
  SavedOutputs saved(PrintWriter err) throws IOException {
    if (out == null) {
      if (!artifacts.isEmpty()) {
        throw new IllegalArgumentException("--artifact needs --out DIR to save them in");
      }
      return null;
    }
    return new SavedOutputs(OutputDirectory.open(out), err);
  }
}
