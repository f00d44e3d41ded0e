package dev.bulwark;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The isolation tiers a program can run in, from the weakest to the strongest. Every tier keeps the
 * same statuses, limits, egress proxy and records; a stronger one adds isolation and costs start-up
 * time. A request may only ask for a tier at least as strong as its caller's ({@link
 * Requests.Ceiling#isolation()}).
 */
public enum Isolation {
  /** Namespaces, seccomp and cgroups around the host's own kernel: the default. */
  BUBBLEWRAP("bubblewrap"),
  /**
   * gVisor's {@code runsc}: a kernel in user space between the program and the host's, so that a
   * bug of the host kernel reachable from a sandbox is not enough to reach the host.
   */
  GVISOR("gvisor");

  private final String tierName;

  Isolation(String tierName) {
    this.tierName = tierName;
  }

  /** The tier's name, as requests, warm pools, tenants and the sandbox SPI spell it. */
  public String tierName() {
    return tierName;
  }

  /** True when this tier isolates at least as much as {@code other}. */
  public boolean atLeast(Isolation other) {
    return compareTo(other) >= 0;
  }

  /**
   * The tier of this name, ignoring case.
   *
   * @throws IllegalArgumentException naming the tiers there are
   */
  public static Isolation named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(i -> i.tierName.equals(wanted))
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException(
                "unknown isolation '" + name + "': isolation is one of " + names()));
  }

  /** The tiers' names, weakest first, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Isolation::tierName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return tierName;
  }
}
