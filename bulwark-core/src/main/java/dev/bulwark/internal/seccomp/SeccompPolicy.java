package dev.bulwark.internal.seccomp;

import dev.bulwark.internal.seccomp.SeccompException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A parsed seccomp policy: the allowlist filter and the guard filter that are stacked on every
 * sandbox. The format is documented at the top of the built-in {@code default.policy}, which is
 * also the reviewed source of what sandboxed code may call.
 *
 * <p>Immutable and thread-safe.
 */
public final class SeccompPolicy {

  private static final String BUILT_IN = "default.policy";

  private final String text;
  private final FilterSpec allowlist;
  private final FilterSpec guard;

  SeccompPolicy(String text, FilterSpec allowlist, FilterSpec guard) {
    this.text = Objects.requireNonNull(text, "text");
    this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /**
   * Parses a policy text.
   *
   * @throws SeccompException with {@link SeccompException.Code#POLICY_INVALID} and a message that
   *     names the offending line
   */
  public static SeccompPolicy parse(String text) {
    return PolicyParser.parse(Objects.requireNonNull(text, "text"));
  }

  /** The policy shipped with Bulwark ({@code dev/bulwark/internal/seccomp/default.policy}). */
  public static SeccompPolicy builtIn() {
    try (InputStream in = SeccompPolicy.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new SeccompException(
            Code.POLICY_INVALID, "the built-in " + BUILT_IN + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in " + BUILT_IN, e);
    }
  }

  /** The policy text as given, comments included, for showing to an operator. */
  public String text() {
    return text;
  }

  FilterSpec allowlist() {
    return allowlist;
  }

  FilterSpec guard() {
    return guard;
  }

  @Override
  public String toString() {
    return "SeccompPolicy[allowlist="
        + allowlist.rules().size()
        + " rules, guard="
        + guard.rules().size()
        + " rules]";
  }
}
