package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file a one-shot run left in its workspace that the caller asked for (its {@code artifacts}
 * patterns), collected before the sandbox was destroyed. Small ones travel inline; larger ones are
 * kept by the engine for a while and fetched by name ({@code GET
 * /v1/executions/{id}/artifacts/{name}}, or {@code Engine.artifact(ref)} in process). Immutable.
 *
 * @param name its path relative to the workspace, e.g. {@code out/plot.png}
 * @param size its size in bytes
 * @param mediaType its media type, guessed from the name ({@code application/octet-stream} when
 *     unknown)
 * @param content its bytes (base64 in JSON), or null when it is kept instead
 * @param ref the engine's handle of a kept artifact, or null when it is inline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SuppressWarnings("ArrayRecordComponent") // copied in and out: callers never share the array
public record Artifact(String name, long size, String mediaType, byte[] content, String ref) {
  /**
   * @throws NullPointerException without a name or media type
   * @throws IllegalArgumentException unless exactly one of content and ref is given, or for a
   *     negative size
   */
  public Artifact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    if ((content == null) == (ref == null)) {
      throw new IllegalArgumentException("an artifact is either inline (content) or kept (ref)");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    content = content == null ? null : content.clone();
  }

  /** A small artifact, carried in the result. */
  public static Artifact inline(String name, String mediaType, byte[] content) {
    return new Artifact(name, content.length, mediaType, content, null);
  }

  /** A large artifact the engine keeps under {@code ref}. */
  public static Artifact kept(String name, long size, String mediaType, String ref) {
    return new Artifact(name, size, mediaType, null, ref);
  }

  @Override
  public byte[] content() {
    return content == null ? null : content.clone();
  }

  /** True when the bytes are in the result, false when the engine keeps them. */
  @JsonIgnore
  public boolean isInline() {
    return content != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Artifact a
        && name.equals(a.name)
        && size == a.size
        && mediaType.equals(a.mediaType)
        && Arrays.equals(content, a.content)
        && Objects.equals(ref, a.ref);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, size, mediaType, Arrays.hashCode(content), ref);
  }

  @Override
  public String toString() {
    return "Artifact[" + name + ", " + size + " bytes, " + (isInline() ? "inline" : ref) + "]";
  }
}
