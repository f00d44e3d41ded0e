package dev.bulwark.bench;

import dev.bulwark.internal.runtime.RunnerFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The host reading the runner's frames before any user code runs ({@link RunnerFrame}): the ready
 * line, then the summary frame's header and its body, bounded. In the engine's own package because
 * the protocol is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RunnerFrameBenchmark {
  /** About the summary of a 1,000-line Python program (112,005 bytes in December 2026). */
  private static final int SUMMARY_BYTES = 112 * 1024;

  private byte[] frame;

  @Setup
  public void prepare() {
    byte[] summary = new byte[SUMMARY_BYTES];
    Arrays.fill(summary, (byte) ' ');
    byte[] header =
        ("\0BULWARK-READY\n\0BULWARK-SUMMARY " + summary.length + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    frame = Arrays.copyOf(header, header.length + summary.length);
    System.arraycopy(summary, 0, frame, header.length, summary.length);
  }

  @Benchmark
  public byte[] readSummaryFrame() throws IOException {
    return RunnerFrame.read(new ByteArrayInputStream(frame));
  }
}
