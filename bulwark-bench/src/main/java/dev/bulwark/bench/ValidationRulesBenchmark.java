package dev.bulwark.bench;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.internal.validation.Summary;
import dev.bulwark.internal.validation.Validator;
import dev.bulwark.model.Json;
import dev.bulwark.policy.Validation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The host's share of validating a 1,000-line program ({@link Programs}): decoding the summary the
 * runner sent, the Java rules and the policy over it, and both together. The summary comes from the
 * real runner in a sandbox, once, at setup. Every execution pays this on its request path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationRulesBenchmark {
  @Param({"python", "javascript"})
  public String language;

  private String code;
  private byte[] frame;
  private Summary summary;

  @Setup
  public void summarise() {
    code = Programs.of(language);
    try (Engine engine = Engine.start(EngineConfig.defaults())) {
      frame = Json.mapper().writeValueAsBytes(engine.summarise(language, code));
    }
    summary = Summary.parse(frame);
  }

  /** The rules and the policy alone, over a summary already read: the 1 ms budget's share. */
  @Benchmark
  public Validation judge() {
    return Validator.validate(language, code, summary, ValidationBench.POLICY);
  }

  @Benchmark
  public Summary decode() {
    return Summary.parse(frame);
  }

  @Benchmark
  public Validation decodeAndJudge() {
    return Validator.validate(language, code, Summary.parse(frame), ValidationBench.POLICY);
  }
}
