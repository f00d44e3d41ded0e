package dev.bulwark.spi;

/**
 * How a sandbox ended, as the host saw it.
 *
 * @param setupFinished the sandbox was built and reported its payload's exit; false when its setup
 *     failed or it was killed before it could report
 * @param code the payload's exit code when {@code setupFinished} (128+N for signal N), else the
 *     sandbox manager's own
 */
public record Exit(boolean setupFinished, int code) {}
