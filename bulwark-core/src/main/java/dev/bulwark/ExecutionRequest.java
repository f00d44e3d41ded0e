package dev.bulwark;

import java.util.Objects;

/**
 * What to run: code in a language, under limits, with optional standard input.
 *
 * @param language a runtime name or alias ({@code python}, {@code javascript}, {@code bash})
 * @param code the program's source, UTF-8
 * @param limits the limits to enforce
 * @param stdin bytes fed to the program's standard input (empty: end of file at once)
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out: callers never share the array
public record ExecutionRequest(String language, String code, Limits limits, byte[] stdin) {
  public ExecutionRequest {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(limits, "limits");
    stdin = stdin == null ? new byte[0] : stdin.clone();
  }

  public ExecutionRequest(String language, String code, Limits limits) {
    this(language, code, limits, new byte[0]);
  }

  @Override
  public byte[] stdin() {
    return stdin.clone();
  }
}
