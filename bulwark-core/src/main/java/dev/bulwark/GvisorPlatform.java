package dev.bulwark;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How gVisor's kernel ({@code runsc}'s Sentry) catches the system calls of the programs it runs.
 * The Sentry implements them in either case; the platform decides what a switch between the program
 * and the Sentry costs and what the host must offer.
 */
public enum GvisorPlatform {
  /**
   * The program runs in stub processes that the Sentry traces with {@code ptrace}: works on any
   * host, no virtualisation needed; every system call and page fault is a round trip through the
   * host kernel, the slowest for system-call-heavy code.
   */
  PTRACE("ptrace"),
  /**
   * The Sentry runs as a virtual machine monitor and the program in guest mode (needs a usable
   * {@code /dev/kvm}): system calls and faults trap into the Sentry without the host kernel's
   * scheduler, faster where hardware virtualisation is direct, slow or broken when nested.
   */
  KVM("kvm");

  private final String flag;

  GvisorPlatform(String flag) {
    this.flag = flag;
  }

  /** The value of {@code runsc --platform}. */
  public String flag() {
    return flag;
  }

  /**
   * The platform of this name, ignoring case.
   *
   * @throws IllegalArgumentException naming the platforms there are
   */
  public static GvisorPlatform named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(p -> p.flag.equals(wanted))
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException(
                "unknown gVisor platform '"
                    + name
                    + "': it is one of "
                    + Arrays.stream(values())
                        .map(GvisorPlatform::flag)
                        .collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return flag;
  }
}
