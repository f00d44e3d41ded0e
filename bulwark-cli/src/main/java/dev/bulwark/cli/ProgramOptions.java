package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Requests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The program a command works on: a file, or {@code -} for stdin, its language, and the largest
 * program accepted.
 */
final class ProgramOptions {
  @Parameters(paramLabel = "FILE|-", description = "The program; - reads it from stdin.")
  String file;

  @Option(
      names = {"-l", "--lang"},
      paramLabel = "LANG",
      description = "python, javascript or bash (default: from the file's extension).")
  String lang;

  @Option(
      names = "--max-source",
      paramLabel = "SIZE",
      description = "The largest program accepted, in bytes of UTF-8 (default: 1m).")
  ByteSize maxSource;

  /** How messages name the program. */
  String name() {
    return fromStdin() ? "<stdin>" : file;
  }

  /** Whether the program is read from this command's standard input. */
  boolean fromStdin() {
    return file.equals("-");
  }

  /** The most the caller may ask for under {@code ceiling}, with this source cap. */
  Requests.Ceiling capped(Requests.Ceiling ceiling) {
    return maxSource == null ? ceiling : ceiling.withMaxSourceBytes(maxSource.bytes());
  }

  /**
   * The program's text, read no further than the ceiling's source cap.
   *
   * @throws IllegalArgumentException when it is missing, over the cap or not UTF-8
   */
  String code(Stdio stdio, Requests.Ceiling ceiling) throws IOException {
    long cap = ceiling.maxSourceBytes();
    byte[] bytes;
    if (fromStdin()) {
      bytes = Input.readAtMost(stdio.in(), cap + 1);
    } else {
      try (InputStream in = Input.open(Path.of(file))) {
        bytes = Input.readAtMost(in, cap + 1);
      }
    }
    try {
      Requests.source(bytes.length, ceiling);
    } catch (Requests.SourceTooLarge e) {
      throw new IllegalArgumentException(
          name() + ": " + e.getMessage() + " (--max-source raises it)", e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name() + " is not valid UTF-8", e);
    }
  }

  /** The runtime for {@code --lang}, or for the file's extension. */
  String language() {
    if (lang != null) {
      return lang;
    }
    if (fromStdin()) {
      throw new IllegalArgumentException("--lang is required when the program comes from stdin");
    }
    return Engine.languageOfFile(file)
        .orElseThrow(() ->
            new IllegalArgumentException(
                "cannot tell the language of '"
                    + file
                    + "' from its extension: use --lang python|javascript|bash"));
  }
}
