package dev.bulwark.spi;

import java.util.Objects;

/**
 * One finding about the host: what works, what works with a caveat, what stops the engine (or a
 * runtime), and how to fix it.
 *
 * @param name what was checked: {@code bubblewrap}, {@code cgroups}, {@code runtime python}...
 * @param level how it went
 * @param detail what was found
 * @param fix what to do about it; empty when there is nothing to do
 */
public record HostCheck(String name, Level level, String detail, String fix) {
  /** OK works; WARN works with a caveat; FAIL stops the engine (or a runtime). */
  public enum Level {
    OK,
    WARN,
    FAIL
  }

  public HostCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    detail = detail == null ? "" : detail;
    fix = fix == null ? "" : fix;
  }
}
