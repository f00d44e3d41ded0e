package dev.bulwark.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Package installers started at run time ({@code pip install}, {@code npm install}, {@code apt-get
 * install}, ...), which cannot work in a sandbox: it has no network and its {@code /usr} is
 * read-only. Found in the constant command of a process call, or in a line of bash, so that the
 * finding can say so and point to the modules the runtime has, instead of a bare failure.
 */
final class PackageInstall {
  /** An installer, then the verb that installs (any words between, such as options). */
  private static final Pattern INSTALLER =
      Pattern.compile(
          "(?:^|\\s)(?:(?:pip|pip3|pip3\\.\\d+)|-m\\s+pip|npm|pnpm|yarn|apt|apt-get|conda|mamba"
              + "|gem|cargo)\\s+(?:\\S+\\s+)*?(?:install|i|add|ci)(?:\\s|$)");

  private static final Set<String> SHELL_OPERATORS = Set.of("&&", "||", ";", "|", "&");

  private PackageInstall() {}

  /** The installing command a process call's first argument spells, if it spells one. */
  static Optional<String> inCall(Summary.Call c) {
    JsonNode first = c.arg(0);
    List<String> words = new ArrayList<>();
    if (first.isString()) {
      words.add(first.asString());
    } else if (first.isArray()) {
      first.forEach(w -> words.add(w.isString() ? w.asString() : ""));
    }
    return inText(String.join(" ", words));
  }

  /** The installing command in one line of shell, if it has one. */
  static Optional<String> inText(String line) {
    for (String part : line.split("&&|\\|\\||;|\\|")) {
      String command = part.strip();
      if (!command.isEmpty() && !SHELL_OPERATORS.contains(command)) {
        var m = INSTALLER.matcher(" " + command);
        if (m.find()) {
          return Optional.of(m.group().strip());
        }
      }
    }
    return Optional.empty();
  }
}
