package dev.bulwark;

import dev.bulwark.model.Limits;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The named limit presets of DESIGN.md §6. A request starts from one of them and may only tighten
 * it.
 */
public final class Profiles {
  private static final long MIB = 1L << 20;

  /** 2 GiB, 1 vCPU, 30 s: the envelope GitHub's Copilot Workspaces is reported to use. */
  public static final Limits DEFAULT =
      new Limits(
          2048 * MIB,
          1.0,
          256,
          Duration.ofSeconds(30),
          Duration.ofSeconds(30),
          256 * MIB,
          512 * MIB,
          1024,
          MIB);

  /** 128 MiB, 15 s: an AWS Lambda-sized function. */
  public static final Limits LAMBDA =
      new Limits(
          128 * MIB,
          1.0,
          128,
          Duration.ofSeconds(15),
          Duration.ofSeconds(15),
          64 * MIB,
          64 * MIB,
          1024,
          MIB);

  /** 256 MiB, half a vCPU, 10 s, 64 processes: for code nobody has looked at. */
  public static final Limits STRICT =
      new Limits(
          256 * MIB,
          0.5,
          64,
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          64 * MIB,
          64 * MIB,
          256,
          MIB);

  private static final SequencedMap<String, Limits> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("default", DEFAULT);
    BY_NAME.put("lambda", LAMBDA);
    BY_NAME.put("strict", STRICT);
  }

  private Profiles() {}

  /** All presets by name, in a stable order. */
  public static Map<String, Limits> all() {
    return Collections.unmodifiableSequencedMap(BY_NAME);
  }

  /**
   * The preset of this name.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static Limits named(String name) {
    Limits limits = BY_NAME.get(name);
    if (limits == null) {
      throw new IllegalArgumentException(
          "unknown profile '"
              + name
              + "': known profiles are "
              + String.join(", ", BY_NAME.keySet()));
    }
    return limits;
  }
}
