package dev.bulwark.internal.run;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * The host's side of a sandbox's streams, on every execution's path: reading the runner's summary
 * frame ({@link RunnerFrame}), and capturing a stream of output under the default 1 MiB limit, its
 * end frame included ({@link OutputCapture}: head, tail ring, marker, listener). In the engine's
 * own package because both are package-private: the benchmark measures them as the engine calls
 * them, not through a copy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutputCaptureBenchmark {
  private static final long LIMIT = 1 << 20;

  /** Bytes the program writes: a line, a page of output, more than the limit keeps. */
  @Param({"64", "65536", "4194304"})
  public int outputBytes;

  private byte[] stream;

  @Setup
  public void prepare() {
    byte[] output = new byte[outputBytes];
    for (int i = 0; i < output.length; i++) {
      output[i] = (byte) (i % 80 == 79 ? '\n' : 'a' + i % 26);
    }
    byte[] end = "\0BULWARK-END 0\n".getBytes(StandardCharsets.US_ASCII);
    stream = Arrays.copyOf(output, output.length + end.length);
    System.arraycopy(end, 0, stream, output.length, end.length);
  }

  @Benchmark
  public String capture() {
    OutputCapture capture = new OutputCapture(LIMIT, () -> {}, chunk -> {});
    capture.drain(new ByteArrayInputStream(stream));
    return capture.text();
  }
}
