package dev.bulwark;

import java.time.Duration;
import java.util.Objects;

/**
 * How much rich output and how many artifacts one result may carry ({@link
 * EngineConfig#outputs()}). Beyond a cap, what comes later is dropped and the result says so: a
 * {@code text/plain} marker as its last output, a reason naming the cap for artifacts.
 *
 * @param maxOutputs rich outputs (charts, tables, values, errors) kept per result
 * @param maxOutputBytes their bytes kept per result, as the sandbox sent them (an image base64)
 * @param maxArtifacts artifacts returned per one-shot run
 * @param maxArtifactBytes their bytes per run
 * @param inlineArtifactBytes an artifact up to this size travels inside the result; a larger one is
 *     kept by the engine ({@link Engine#artifact})
 * @param artifactTtl how long the engine keeps a large artifact
 */
public record OutputCaps(
    int maxOutputs,
    long maxOutputBytes,
    int maxArtifacts,
    long maxArtifactBytes,
    long inlineArtifactBytes,
    Duration artifactTtl) {

  /**
   * @throws IllegalArgumentException for a cap out of its bounds
   */
  public OutputCaps {
    Objects.requireNonNull(artifactTtl, "artifactTtl");
    if (maxOutputs < 1 || maxOutputs > 10_000) {
      throw new IllegalArgumentException("maxOutputs must be between 1 and 10000");
    }
    if (maxOutputBytes < 1024 || maxArtifactBytes < 0 || maxArtifacts < 0) {
      throw new IllegalArgumentException("output caps must be positive (maxOutputBytes >= 1k)");
    }
    if (inlineArtifactBytes < 0 || inlineArtifactBytes > 16L << 20) {
      throw new IllegalArgumentException("inlineArtifactBytes must be between 0 and 16m");
    }
    if (artifactTtl.isNegative()) {
      throw new IllegalArgumentException("artifactTtl must not be negative");
    }
  }

  /**
   * 100 outputs and 16 MiB per result; 100 artifacts and 256 MiB per run, inline up to 64 KiB,
   * larger ones kept 15 minutes.
   */
  public static OutputCaps defaults() {
    return new OutputCaps(100, 16L << 20, 100, 256L << 20, 64L << 10, Duration.ofMinutes(15));
  }
}
