package dev.bulwark.cli;

import dev.bulwark.ExecutionListener;
import dev.bulwark.client.OutputListener;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Output;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program's output passed through as the engine reads it, then completed from the result: the
 * engine streams the first output-limit bytes of each stream and keeps its first and last halves,
 * so a longer stream goes on with a marker and the tail the result kept, never repeating what was
 * already shown. Findings print on stderr before the program runs.
 *
 * <p>It hears a run in this process ({@link ExecutionListener}) or on a server ({@link
 * OutputListener}, whose text it passes on as UTF-8).
 *
 * <p>Threads: the engine calls {@link #output} for stdout and stderr from two threads, each stream
 * from one; {@link #finish} runs after the result, when no more output comes.
 */
final class StreamedOutput implements ExecutionListener, OutputListener {
  /** The engine's marker where it cut a stream ({@code OutputCapture}). */
  private static final Pattern MARKER =
      Pattern.compile("\n\\[\\.\\.\\. bulwark: (\\d+) bytes of output cut \\.\\.\\.]\n");

  private final Passed out;
  private final Passed err;
  private final PrintWriter messages;
  private final long limit;
  private volatile boolean findingsShown;

  /**
   * @param messages this command's own lines on stderr
   * @param limit the run's output limit per stream, in bytes
   */
  StreamedOutput(Stdio stdio, PrintWriter messages, long limit) {
    this.out = new Passed(stdio.out());
    this.err = new Passed(stdio.err());
    this.messages = messages;
    this.limit = limit;
  }

  @Override
  public void decided(List<Finding> findings) {
    synchronized (err) {
      printFindings(findings);
      findingsShown = true;
    }
  }

  @Override
  public void output(Stream stream, byte[] chunk) {
    (stream == Stream.STDOUT ? out : err).write(chunk, 0, chunk.length);
  }

  @Override
  public void finding(Finding finding) {
    decided(List.of(finding));
  }

  @Override
  public void stdout(String text) {
    output(Stream.STDOUT, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void stderr(String text) {
    output(Stream.STDERR, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void display(Output output) {
    // saved from the result once the run ended (SavedOutputs), in the order it keeps
  }

  /** Shows the rest of each stream, and the findings when the program was denied before it ran. */
  void finish(ExecutionResult result) {
    out.finish(result.stdout(), result.stdoutTruncated(), limit);
    err.finish(result.stderr(), result.stderrTruncated(), limit);
    synchronized (err) {
      if (!findingsShown) {
        printFindings(result.findings());
      }
    }
  }

  private void printFindings(List<Finding> findings) {
    for (Finding f : findings) {
      messages.printf(
          "bulwark: %s %s (line %d): %s%n", f.outcome(), f.ruleId(), f.line(), f.message());
    }
    messages.flush();
  }

  /** One stream: what was shown of it, and where it goes. */
  private static final class Passed {
    private final OutputStream target;
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private boolean gone;

    Passed(OutputStream target) {
      this.target = target;
    }

    synchronized void write(byte[] bytes, int from, int length) {
      shown.write(bytes, from, length);
      if (gone) {
        return;
      }
      try {
        target.write(bytes, from, length);
        target.flush();
      } catch (IOException e) {
        // Whoever read this stream went away (bulwark run prog.py | head -1): the rest is dropped
        // here, while the engine goes on draining the program, which its limits still bound.
        gone = true;
      }
    }

    synchronized void finish(String text, boolean truncated, long limit) {
      if (!truncated) {
        return; // every byte was streamed
      }
      byte[] rest = rest(shown.toByteArray(), text, limit);
      write(rest, 0, rest.length);
    }
  }

  /**
   * What is left to show of a truncated stream after {@code shown}, its first bytes, given the
   * result's text of it: the kept head (the first half of the limit), the engine's marker with the
   * bytes it cut, and the kept tail. The tail may start inside what was shown (the stream was less
   * than one and a half limits long); then only its unseen part is left, and no marker.
   */
  static byte[] rest(byte[] shown, String text, long limit) {
    int head = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, limit / 2));
    String headText = new String(shown, 0, Math.min(head, shown.length), StandardCharsets.UTF_8);
    Matcher marker = MARKER.matcher(text);
    if (!text.startsWith(headText)
        || !marker.find(headText.length())
        || marker.start() != headText.length()) {
      int at = text.indexOf("\n[... bulwark: "); // not the engine's layout: show what it kept
      return utf8(at < 0 ? "" : text.substring(at));
    }
    String tail = text.substring(marker.end());
    long tailStart = head + Long.parseLong(marker.group(1));
    if (tailStart >= shown.length) {
      long gap = tailStart - shown.length;
      return utf8(
          gap == 0 ? tail : "\n[... bulwark: " + gap + " bytes of output cut ...]\n" + tail);
    }
    byte[] seen = Arrays.copyOfRange(shown, (int) tailStart, shown.length);
    // The seen part may end inside a character: find the longest prefix the tail's text begins
    // with, then leave out the bytes of the split character that were shown already.
    for (int k = seen.length; k >= Math.max(0, seen.length - 3); k--) {
      String prefix = new String(seen, 0, k, StandardCharsets.UTF_8);
      if (tail.startsWith(prefix)) {
        byte[] unseen = utf8(tail.substring(prefix.length()));
        int split = seen.length - k;
        boolean continues =
            split <= unseen.length && Arrays.equals(unseen, 0, split, seen, k, seen.length);
        return continues ? Arrays.copyOfRange(unseen, split, unseen.length) : unseen;
      }
    }
    return utf8(text.substring(marker.start()));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
