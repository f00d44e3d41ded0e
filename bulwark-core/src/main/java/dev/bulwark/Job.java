package dev.bulwark;

import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.FigureFormat;
import dev.bulwark.model.Limits;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine runs: code in a language, under limits and a validation policy already decided,
 * with optional standard input, input files and artifacts to return. A caller's {@link
 * ExecutionRequest}, which only names a policy and a profile, becomes one through {@link
 * Requests#resolve}. Immutable.
 *
 * <pre>{@code
 * engine.execute(new Job("python", "print(6 * 7)", Profiles.STRICT))
 * engine.execute(new Job("python", plot, Profiles.DEFAULT)
 *     .withFiles(Map.of("sales.csv", csv)).withArtifacts(List.of("*.png")))
 * }</pre>
 *
 * @param language a runtime name or alias ({@code python}, {@code javascript}, {@code bash})
 * @param code the program's source, UTF-8
 * @param limits the limits to enforce
 * @param stdin bytes fed to the program's standard input (empty: end of file at once)
 * @param policy the validation policy the code must pass ({@code standard} when null); whoever
 *     builds the job has already tightened it to what the caller may ask for
 * @param isolation the tier to run in; null for the engine's default (bubblewrap)
 * @param sourceName the name tracebacks give the program, e.g. {@code analysis.py} ({@code <code>}
 *     when null): printable, without {@code /}, at most 255 characters
 * @param files files placed in the workspace before the program runs, by path relative to it
 *     (parent directories are made); empty for none
 * @param artifacts glob patterns of workspace files to return after the run ({@code *.png}, {@code
 *     out/**}): {@code *} and {@code ?} within a name, {@code **} across directories; empty for
 *     none
 * @param figures how charts are captured ({@link FigureFormat#PNG} when null)
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out: callers never share the arrays
public record Job(
    String language,
    String code,
    Limits limits,
    byte[] stdin,
    Policy policy,
    Isolation isolation,
    String sourceName,
    Map<String, byte[]> files,
    List<String> artifacts,
    FigureFormat figures) {

  /** What tracebacks call a program without a name. */
  public static final String UNNAMED = "<code>";

  /**
   * @throws NullPointerException without a language, code or limits
   * @throws IllegalArgumentException for a bad source name, file path or artifact pattern
   */
  public Job {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(limits, "limits");
    stdin = stdin == null ? new byte[0] : stdin.clone();
    policy = policy == null ? Policies.standard() : policy;
    sourceName = sourceName == null ? UNNAMED : sourceName;
    if (!sourceName.matches("[^/\\p{Cntrl}]{1,255}")) {
      throw new IllegalArgumentException(
          "sourceName: printable, without '/', at most 255 characters: " + sourceName);
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    if (files != null) {
      files.forEach((path, bytes) -> copy.put(WorkspacePath.check("files", path), bytes.clone()));
    }
    files = Collections.unmodifiableMap(copy);
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    artifacts.forEach(pattern -> WorkspacePath.checkPattern("artifacts", pattern));
    figures = figures == null ? FigureFormat.PNG : figures;
  }

  /** A job under a policy in a tier, with input and nothing else. */
  public Job(
      String language,
      String code,
      Limits limits,
      byte[] stdin,
      Policy policy,
      Isolation isolation) {
    this(language, code, limits, stdin, policy, isolation, null, null, null, null);
  }

  /** A job under a policy in the engine's default tier, with input and nothing else. */
  public Job(String language, String code, Limits limits, byte[] stdin, Policy policy) {
    this(language, code, limits, stdin, policy, null);
  }

  /** A job under the {@code standard} policy. */
  public Job(String language, String code, Limits limits, byte[] stdin) {
    this(language, code, limits, stdin, null, null);
  }

  /** A job under the {@code standard} policy, with no input. */
  public Job(String language, String code, Limits limits) {
    this(language, code, limits, new byte[0], null, null);
  }

  /** The same job under another policy. */
  public Job withPolicy(Policy other) {
    return new Job(
        language, code, limits, stdin, other, isolation, sourceName, files, artifacts, figures);
  }

  /** The same job in another tier. */
  public Job withIsolation(Isolation other) {
    return new Job(
        language, code, limits, stdin, policy, other, sourceName, files, artifacts, figures);
  }

  /** The same job under the name tracebacks give it. */
  public Job withSourceName(String value) {
    return new Job(
        language, code, limits, stdin, policy, isolation, value, files, artifacts, figures);
  }

  /** The same job with these input files. */
  public Job withFiles(Map<String, byte[]> value) {
    return new Job(
        language, code, limits, stdin, policy, isolation, sourceName, value, artifacts, figures);
  }

  /** The same job returning the files these patterns match. */
  public Job withArtifacts(List<String> value) {
    return new Job(
        language, code, limits, stdin, policy, isolation, sourceName, files, value, figures);
  }

  /** The same job capturing charts in this format. */
  public Job withFigures(FigureFormat value) {
    return new Job(
        language, code, limits, stdin, policy, isolation, sourceName, files, artifacts, value);
  }

  @Override
  public byte[] stdin() {
    return stdin.clone();
  }

  /** The input files; the arrays are the job's own: do not change them. */
  @Override
  public Map<String, byte[]> files() {
    return files;
  }
}
