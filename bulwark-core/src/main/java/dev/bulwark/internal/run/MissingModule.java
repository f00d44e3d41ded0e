package dev.bulwark.internal.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed program's stderr says when it imported a module the sandbox does not have: the
 * reason then says that nothing can be installed at run time and where the importable modules are
 * listed, so that an agent rewrites its code instead of trying {@code pip install}.
 */
final class MissingModule {
  /** Python's, and node's for CommonJS ({@code require}) and ES modules ({@code import}). */
  private static final Pattern MISSING =
      Pattern.compile(
          "ModuleNotFoundError: No module named '([^'\\n]{1,200})'"
              + "|Error: Cannot find module '([^'\\n]{1,200})'"
              + "|Cannot find package '([^'\\n]{1,200})'");

  private MissingModule() {}

  /** The explanation for the first missing module {@code stderr} names, if it names one. */
  static Optional<String> explain(String stderr) {
    Matcher m = MISSING.matcher(stderr);
    if (!m.find()) {
      return Optional.empty();
    }
    String module = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return Optional.of(
        "the module '"
            + module
            + "' is not installed in the sandbox, and packages cannot be installed at run time:"
            + " use one the runtime lists (GET /v1/runtimes, the MCP tool list_runtimes)");
  }
}
