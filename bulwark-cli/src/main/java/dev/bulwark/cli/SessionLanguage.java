package dev.bulwark.cli;

import picocli.CommandLine.Option;

/** The language of a session a command opens ({@code session start}, {@code repl}). */
final class SessionLanguage {
  @Option(
      names = {"-l", "--lang", "--language"},
      paramLabel = "LANG",
      defaultValue = "python",
      description = "python, javascript or bash (default: ${DEFAULT-VALUE}).")
  String language;
}
