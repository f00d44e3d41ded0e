package dev.bulwark.agent;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * One session (one sandbox, one interpreter, a workspace of files), as a model's tools use it.
 * Every method but {@link #close} throws {@link CodeRunner.Refused} with the API's code ({@code
 * session_dead}, {@code session_busy}, {@code file_not_found}...) when the session or its workspace
 * refuses, and {@link IllegalArgumentException} for a path that is not one ({@code invalid_path}).
 */
public interface CodeSession {
  String id();

  String language();

  /** Runs a cell and waits for its result (waiting for a cell that runs already). */
  ExecutionResult run(String code);

  /** Writes a file of the workspace, its parent directories made. */
  FileInfo upload(String path, byte[] content);

  /** The entries of a directory of the workspace ({@code ""}: its root). */
  FileListing list(String directory);

  /**
   * Reads a file of the workspace.
   *
   * @throws CodeRunner.Refused {@code file_too_large} when it holds more than {@code maxBytes}
   */
  byte[] read(String path, int maxBytes);

  /** Ends it; its files are destroyed. Idempotent. */
  void close();

  /**
   * The bytes {@code download} writes, refused past {@code maxBytes}: the sink keeps counting and
   * discards what is over, so that the download ends as it would (a transfer cut short could leave
   * the session's channel mid-file).
   */
  static byte[] capped(String path, int maxBytes, Consumer<OutputStream> download) {
    long[] total = {0};
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    download.accept(
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            int room = (int) Math.max(0, Math.min(len, maxBytes - total[0]));
            kept.write(b, off, room);
            total[0] += len;
          }
        });
    if (total[0] > maxBytes) {
      throw new CodeRunner.Refused(
          "file_too_large",
          path + " holds " + total[0] + " bytes, more than the " + maxBytes + " read here");
    }
    return kept.toByteArray();
  }
}
