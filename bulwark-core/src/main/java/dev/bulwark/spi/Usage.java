package dev.bulwark.spi;

/**
 * What a run's cgroup has counted so far, over all of its processes.
 *
 * @param cpuNanos CPU time used, user and system
 * @param peakMemoryBytes highest memory charge seen (on cgroup v2 kernels without {@code
 *     memory.peak}: the current charge)
 * @param oomKills processes the kernel killed because the memory limit was reached
 * @param pidsLimitHits forks or thread creations refused by the process limit
 */
public record Usage(long cpuNanos, long peakMemoryBytes, long oomKills, long pidsLimitHits) {}
