package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bulwark.model.UnitsJson.CountReader;
import dev.bulwark.model.UnitsJson.DurationReader;
import dev.bulwark.model.UnitsJson.DurationWriter;
import dev.bulwark.model.UnitsJson.NumberReader;
import dev.bulwark.model.UnitsJson.SizeReader;
import dev.bulwark.model.UnitsJson.SizeWriter;
import java.time.Duration;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Overrides of a limits profile, as a caller asks for them; every one is optional ({@code null}:
 * the profile's value stands). Immutable. Each value is judged when it is applied to a profile, by
 * the rules of {@link Limits}, so that a refusal can name the field at fault.
 *
 * <p>JSON: durations and sizes are strings of the {@link Units} grammar ({@code {"timeout": "5s",
 * "memory": "256m", "cpus": 0.5}}), absent overrides are left out, an unknown field is refused.
 *
 * @param timeout the wall-clock timeout ({@link Limits#wallTimeout()})
 * @param cpuTime the CPU time budget of the whole run
 * @param memory memory in bytes, swap included
 * @param cpus the CPU quota in vCPUs
 * @param pids processes and threads
 * @param fileSize the largest file a process may write, bytes
 * @param tmpfsSize the size of each writable tmpfs, bytes
 * @param openFiles open file descriptors per process
 * @param outputLimit bytes kept per output stream
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record LimitOverrides(
    @JsonSerialize(using = DurationWriter.class) @JsonDeserialize(using = DurationReader.class)
        Duration timeout,
    @JsonSerialize(using = DurationWriter.class) @JsonDeserialize(using = DurationReader.class)
        Duration cpuTime,
    @JsonSerialize(using = SizeWriter.class) @JsonDeserialize(using = SizeReader.class) Long memory,
    @JsonDeserialize(using = NumberReader.class) Double cpus,
    @JsonDeserialize(using = CountReader.class) Integer pids,
    @JsonSerialize(using = SizeWriter.class) @JsonDeserialize(using = SizeReader.class)
        Long fileSize,
    @JsonSerialize(using = SizeWriter.class) @JsonDeserialize(using = SizeReader.class)
        Long tmpfsSize,
    @JsonDeserialize(using = CountReader.class) Integer openFiles,
    @JsonSerialize(using = SizeWriter.class) @JsonDeserialize(using = SizeReader.class)
        Long outputLimit) {

  /**
   * Refuses what no unit can write: a negative duration or size. Everything else is judged against
   * the profile it overrides.
   *
   * @throws IllegalArgumentException naming the field
   */
  public LimitOverrides {
    notNegative("timeout", timeout == null ? null : timeout.toMillis());
    notNegative("cpuTime", cpuTime == null ? null : cpuTime.toMillis());
    notNegative("memory", memory);
    notNegative("fileSize", fileSize);
    notNegative("tmpfsSize", tmpfsSize);
    notNegative("outputLimit", outputLimit);
  }

  private static void notNegative(String field, Long value) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
  }

  /** No override: the profile as it is. */
  public static final LimitOverrides NONE =
      new LimitOverrides(null, null, null, null, null, null, null, null, null);

  /** Every limit of {@code limits}, as people write them: the record of what a run got. */
  public static LimitOverrides of(Limits limits) {
    return new LimitOverrides(
        limits.wallTimeout(),
        limits.cpuTime(),
        limits.memoryBytes(),
        limits.cpus(),
        limits.pids(),
        limits.fileSizeBytes(),
        limits.tmpfsBytes(),
        limits.openFiles(),
        limits.outputBytes());
  }

  /** True when nothing is overridden. */
  @JsonIgnore // not a field of the JSON form
  public boolean isEmpty() {
    return equals(NONE);
  }

  public LimitOverrides withTimeout(Duration value) {
    return new LimitOverrides(
        value, cpuTime, memory, cpus, pids, fileSize, tmpfsSize, openFiles, outputLimit);
  }

  public LimitOverrides withCpuTime(Duration value) {
    return new LimitOverrides(
        timeout, value, memory, cpus, pids, fileSize, tmpfsSize, openFiles, outputLimit);
  }

  public LimitOverrides withMemory(Long bytes) {
    return new LimitOverrides(
        timeout, cpuTime, bytes, cpus, pids, fileSize, tmpfsSize, openFiles, outputLimit);
  }

  public LimitOverrides withCpus(Double value) {
    return new LimitOverrides(
        timeout, cpuTime, memory, value, pids, fileSize, tmpfsSize, openFiles, outputLimit);
  }

  public LimitOverrides withPids(Integer value) {
    return new LimitOverrides(
        timeout, cpuTime, memory, cpus, value, fileSize, tmpfsSize, openFiles, outputLimit);
  }

  public LimitOverrides withFileSize(Long bytes) {
    return new LimitOverrides(
        timeout, cpuTime, memory, cpus, pids, bytes, tmpfsSize, openFiles, outputLimit);
  }

  public LimitOverrides withTmpfsSize(Long bytes) {
    return new LimitOverrides(
        timeout, cpuTime, memory, cpus, pids, fileSize, bytes, openFiles, outputLimit);
  }

  public LimitOverrides withOpenFiles(Integer value) {
    return new LimitOverrides(
        timeout, cpuTime, memory, cpus, pids, fileSize, tmpfsSize, value, outputLimit);
  }

  public LimitOverrides withOutputLimit(Long bytes) {
    return new LimitOverrides(
        timeout, cpuTime, memory, cpus, pids, fileSize, tmpfsSize, openFiles, bytes);
  }
}
