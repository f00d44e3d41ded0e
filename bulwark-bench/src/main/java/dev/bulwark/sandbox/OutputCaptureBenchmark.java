package dev.bulwark.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutputCaptureBenchmark {
  private static final long LIMIT = 1 << 20;

  /** Bytes the program writes: a line, a page of output, more than the limit keeps. */
  @Param({"64", "65536", "4194304"})
  public int outputBytes;

  private byte[] stream;
  private byte[] frame;

  @Setup
  public void prepare() {
    byte[] output = new byte[outputBytes];
    for (int i = 0; i < output.length; i++) {
      output[i] = (byte) (i % 80 == 79 ? '\n' : 'a' + i % 26);
    }
    byte[] end = "\0BULWARK-END 0\n".getBytes(StandardCharsets.US_ASCII);
    stream = Arrays.copyOf(output, output.length + end.length);
    System.arraycopy(end, 0, stream, output.length, end.length);
    byte[] summary = new byte[64 * 1024]; // about the summary of a 1,000-line program
    Arrays.fill(summary, (byte) ' ');
    byte[] header =
        ("\0BULWARK-READY\n\0BULWARK-SUMMARY " + summary.length + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    frame = Arrays.copyOf(header, header.length + summary.length);
    System.arraycopy(summary, 0, frame, header.length, summary.length);
  }

  @Benchmark
  public String capture() {
    OutputCapture capture = new OutputCapture(LIMIT, () -> {}, chunk -> {});
    capture.drain(new ByteArrayInputStream(stream));
    return capture.text();
  }

  @Benchmark
  public byte[] readSummaryFrame() throws IOException {
    return RunnerFrame.read(new ByteArrayInputStream(frame));
  }
}
