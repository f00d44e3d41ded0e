package dev.bulwark.cli;

import dev.bulwark.Engine;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The program a command works on: a file, or {@code -} for stdin, and its language. */
final class ProgramOptions {
  @Parameters(paramLabel = "FILE|-", description = "The program; - reads it from stdin.")
  String file;

  @Option(
      names = {"-l", "--lang"},
      paramLabel = "LANG",
      description = "python, javascript or bash (default: from the file's extension).")
  String lang;

  /** How messages name the program. */
  String name() {
    return file.equals("-") ? "<stdin>" : file;
  }

  /** The program's text; IllegalArgumentException when it is missing or not UTF-8. */
  String code() throws IOException {
    byte[] bytes = file.equals("-") ? System.in.readAllBytes() : readBytes(Path.of(file));
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + " is not valid UTF-8");
    }
  }

  /** The runtime for {@code --lang}, or for the file's extension. */
  String language() {
    if (lang != null) {
      return lang;
    }
    if (file.equals("-")) {
      throw new IllegalArgumentException("--lang is required when the program comes from stdin");
    }
    return Engine.languageOfFile(file)
        .orElseThrow(() ->
            new IllegalArgumentException(
                "cannot tell the language of '"
                    + file
                    + "' from its extension: use --lang python|javascript|bash"));
  }

  static byte[] readBytes(Path path) throws IOException {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(path + ": no such file");
    }
  }
}
