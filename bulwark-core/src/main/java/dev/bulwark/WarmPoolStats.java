package dev.bulwark;

/**
 * What one warm pool (of one-shot runs) or session pool has done since the engine started.
 *
 * @param runtime the runtime's canonical name
 * @param profile the limits profile
 * @param tier the isolation tier of its sandboxes
 * @param size how many sandboxes the pool keeps waiting
 * @param idle how many wait now
 * @param hits executions (sessions) that took a waiting sandbox
 * @param misses executions (sessions) of this pool's kind that found none waiting and started cold
 * @param refills sandboxes started for the pool
 * @param refillSeconds their total start-up time, until the runner (or agent) said it was ready
 * @param failures sandboxes that did not become ready and were destroyed
 * @param expired waiting sandboxes replaced because they waited too long or died
 */
public record WarmPoolStats(
    String runtime,
    String profile,
    String tier,
    int size,
    int idle,
    long hits,
    long misses,
    long refills,
    double refillSeconds,
    long failures,
    long expired) {}
