package dev.bulwark.attack;

import static dev.bulwark.attack.SessionTest.ok;
import static dev.bulwark.attack.SessionTest.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bulwark.Cell;
import dev.bulwark.Session;
import dev.bulwark.SessionFileException;
import dev.bulwark.SessionSpec;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.Limits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's files move through its agent, in the sandbox's own view, judged from the host: what
 * goes in comes out, refusals are clear, and links, FIFOs, odd names and floods of files read or
 * write nothing outside the workspace and hang nothing.
 */
@Timeout(120)
class SessionFilesTest {
  private static final Limits SMALL =
      TestEngine.LIMITS.withFileSizeBytes(4L << 20).withTmpfsBytes(8L << 20);

  private static Session small() {
    return open(SessionSpec.of("python", SMALL));
  }

  private static byte[] download(Session s, String path) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    s.download(path, sink);
    return sink.toByteArray();
  }

  private static SessionFileException.Kind refusal(Runnable call) {
    try {
      call.run();
    } catch (SessionFileException e) {
      return e.kind();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void anUploadIsSeenByTheCellsAndComesBackWhole() {
    try (Session s = small()) {
      byte[] content = new byte[(3 << 20) + 17];
      new Random(7).nextBytes(content);
      FileInfo put = s.upload("data/in.bin", new ByteArrayInputStream(content));
      assertThat(put.size()).isEqualTo(content.length);
      assertThat(put.kind()).isEqualTo(FileInfo.Kind.FILE);
      ExecutionResult r = ok(s, "import hashlib\nprint(len(open('data/in.bin', 'rb').read()))");
      assertThat(r.stdout()).isEqualTo(content.length + "\n");
      assertThat(download(s, "data/in.bin")).isEqualTo(content);
      FileListing root = s.list("");
      assertThat(root.entries())
          .extracting(FileInfo::path, FileInfo::kind)
          .contains(org.assertj.core.groups.Tuple.tuple("data", FileInfo.Kind.DIRECTORY));
      assertThat(s.list("data").entries())
          .extracting(FileInfo::path)
          .containsExactly("data/in.bin");
      s.delete("data/in.bin");
      assertThat(refusal(() -> download(s, "data/in.bin")))
          .isEqualTo(SessionFileException.Kind.NOT_FOUND);
    }
  }

  @Test
  void filesMoveWhileACellRuns() {
    try (Session s = small()) {
      CompletableFuture<ExecutionResult> cell =
          CompletableFuture.supplyAsync(() ->
              s.run(
                  Cell.of(
                      "import os, time\nwhile not os.path.exists('go.txt'): time.sleep(0.01)\n"
                          + "print(open('go.txt').read())")));
      await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == Session.State.BUSY);
      s.upload("go.txt", new ByteArrayInputStream("now".getBytes(StandardCharsets.UTF_8)));
      assertThat(cell.join().stdout()).isEqualTo("now\n");
    }
  }

  @Test
  void badPathsAreRefusedBeforeTheSandbox() {
    try (Session s = small()) {
      for (String bad : new String[] {"../x", "/etc/passwd", "a/../b", "a\nb", "", "a//b", "./a"}) {
        assertThat(refusal(() -> s.upload(bad, InputStream.nullInputStream())))
            .as(bad)
            .isEqualTo(SessionFileException.Kind.INVALID_PATH);
        assertThat(refusal(() -> download(s, bad)))
            .isEqualTo(SessionFileException.Kind.INVALID_PATH);
      }
      assertThatThrownBy(() -> s.delete("../../etc/passwd"))
          .isInstanceOfSatisfying(
              SessionFileException.class, e -> assertThat(e.code()).isEqualTo("invalid_path"));
    }
  }

  @Test
  void sizesAreCappedPerFileAndByTheWorkspace() {
    try (Session s =
        open(
            SessionSpec.of(
                "python", SMALL.withFileSizeBytes(16L << 20).withTmpfsBytes(2L << 20)))) {
      assertThat(refusal(() -> s.upload("big", new ByteArrayInputStream(new byte[4 << 20]))))
          .isEqualTo(SessionFileException.Kind.WORKSPACE_FULL);
      assertThat(s.list("").entries()).isEmpty(); // nothing half-written is left
    }
    try (Session s = small()) {
      assertThat(refusal(() -> s.upload("big", new ByteArrayInputStream(new byte[5 << 20]))))
          .isEqualTo(SessionFileException.Kind.TOO_LARGE);
      // A sparse file that claims more than the limit is refused before a byte is sent.
      ok(s, "with open('sparse', 'wb') as f:\n    f.truncate(4 << 20)");
      assertThat(download(s, "sparse")).hasSize(4 << 20);
    }
  }

  @Test
  void aSymbolicLinkIsNeverFollowedEvenWhenSwappedInMidway(@TempDir Path host) throws Exception {
    Path secret = host.resolve("secret.txt");
    Files.writeString(secret, "HOST-SECRET");
    try (Session s = small()) {
      ok(
          s,
          "import os\nos.symlink("
              + pyString(secret.toString())
              + ", 'out')\nos.symlink('/proc/1/environ', 'env')");
      assertThat(refusal(() -> download(s, "out"))).isEqualTo(SessionFileException.Kind.NOT_A_FILE);
      assertThat(refusal(() -> download(s, "env"))).isEqualTo(SessionFileException.Kind.NOT_A_FILE);
      assertThat(refusal(() -> s.upload("out", new ByteArrayInputStream(new byte[] {1}))))
          .isEqualTo(SessionFileException.Kind.NOT_A_FILE);
      assertThat(Files.readString(secret)).isEqualTo("HOST-SECRET");
      // A cell swaps a file and a link to the secret as fast as it can while the host reads.
      CompletableFuture<ExecutionResult> swapper =
          CompletableFuture.supplyAsync(() ->
              s.run(
                  Cell.of(
                          "import os\nfor i in range(200000):\n"
                              + "    open('t.new', 'w').write('plain')\n"
                              + "    os.replace('t.new', 'swap')\n"
                              + "    os.symlink("
                              + pyString(secret.toString())
                              + ", 'l.new')\n"
                              + "    os.replace('l.new', 'swap')")
                      .withTimeout(Duration.ofSeconds(20))));
      await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == Session.State.BUSY);
      int read = 0;
      for (int i = 0; i < 200 && !swapper.isDone(); i++) {
        try {
          assertThat(new String(download(s, "swap"), StandardCharsets.UTF_8)).isEqualTo("plain");
          read++;
        } catch (SessionFileException e) {
          assertThat(e.kind())
              .isIn(SessionFileException.Kind.NOT_A_FILE, SessionFileException.Kind.NOT_FOUND);
        }
      }
      s.interrupt();
      swapper.join();
      assertThat(read).isPositive();
    }
  }

  @Test
  void hardLinksCannotReachOutAndAnUploadReplacesOnlyItsName() {
    try (Session s = small()) {
      ExecutionResult r =
          ok(
              s,
              "import os\ntry:\n    os.link('/etc/passwd', 'passwd')\n"
                  + "except OSError as e:\n    print(type(e).__name__)\n"
                  + "open('orig', 'w').write('original')\nos.link('orig', 'twin')");
      assertThat(r.stdout()).matches("(OSError|PermissionError)\n");
      s.upload("twin", new ByteArrayInputStream("new".getBytes(StandardCharsets.UTF_8)));
      assertThat(new String(download(s, "orig"), StandardCharsets.UTF_8)).isEqualTo("original");
      assertThat(new String(download(s, "twin"), StandardCharsets.UTF_8)).isEqualTo("new");
    }
  }

  @Test
  void aFifoOrADeviceHangsNothingAndIsRefused() {
    try (Session s = small()) {
      ok(s, "import os\nos.mkfifo('pipe')\nos.symlink('/dev/zero', 'zero')");
      assertThat(refusal(() -> download(s, "pipe")))
          .isEqualTo(SessionFileException.Kind.NOT_A_FILE);
      assertThat(refusal(() -> s.upload("pipe", new ByteArrayInputStream(new byte[] {1}))))
          .isEqualTo(SessionFileException.Kind.NOT_A_FILE);
      assertThat(refusal(() -> download(s, "zero")))
          .isEqualTo(SessionFileException.Kind.NOT_A_FILE);
      assertThat(s.list("").entries())
          .extracting(FileInfo::path, FileInfo::kind)
          .contains(
              org.assertj.core.groups.Tuple.tuple("pipe", FileInfo.Kind.OTHER),
              org.assertj.core.groups.Tuple.tuple("zero", FileInfo.Kind.SYMLINK));
    }
  }

  @Test
  void oddNamesAreListedEscapedAndAFloodOfFilesIsCut() {
    try (Session s = open("python")) {
      ok(
          s,
          "import os\nos.mkdir('many')\n"
              + "for i in range(100000):\n    os.close(os.open('many/f%d' % i, os.O_CREAT | os.O_WRONLY))\n"
              + "open(b'bad\\xff', 'w').close()\nopen('new\\nline', 'w').close()");
      FileListing many = s.list("many");
      assertThat(many.entries()).hasSize(Session.MAX_LISTED);
      assertThat(many.truncated()).isTrue();
      FileListing root = s.list("");
      assertThat(root.entries())
          .filteredOn(FileInfo::escaped)
          .extracting(FileInfo::path)
          .containsExactlyInAnyOrder("bad\\xff", "new\\x0aline");
      assertThat(refusal(() -> download(s, "new\nline")))
          .isEqualTo(SessionFileException.Kind.INVALID_PATH);
      assertThat(refusal(() -> download(s, "bad\\xff")))
          .isEqualTo(SessionFileException.Kind.NOT_FOUND);
    }
  }

  private static String pyString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
