package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that come from a sandboxed program, and directories that already hold links, attack the
 * directory the user named: judged from the host, nothing outside it is read, written or created.
 */
class OutputDirectoryTest {
  private static final String SECRET = "the host's secret\n";

  @TempDir Path tmp;
  private Path out;
  private Path outside;
  private Path secret;

  @BeforeEach
  void layOut() throws IOException {
    out = tmp.resolve("out");
    outside = Files.createDirectory(tmp.resolve("outside"));
    secret = Files.writeString(outside.resolve("secret.txt"), SECRET);
  }

  @Test
  void writesUnderTheDirectoryCreatingItAndItsIntermediateDirectories() throws IOException {
    OutputDirectory dir = OutputDirectory.open(out);
    Path written = dir.write("charts/2026/output-1.png", new byte[] {1, 2, 3});
    assertThat(written).isEqualTo(out.resolve("charts/2026/output-1.png"));
    assertThat(Files.readAllBytes(written)).containsExactly(1, 2, 3);
    Path streamed = dir.write("summary.txt", new ByteArrayInputStream(bytes("rows: 12\n")));
    assertThat(streamed).hasContent("rows: 12");
  }

  @Test
  void namesThatLeaveTheDirectoryAreRefusedAndNothingIsWrittenOutside() throws IOException {
    OutputDirectory dir = OutputDirectory.open(out);
    for (String name :
        List.of(
            "../outside/escaped.txt",
            "a/../../outside/escaped.txt",
            outside.resolve("escaped.txt").toString(),
            "a\0b",
            "a\nb",
            "",
            "a//b",
            "./a",
            "a/")) {
      assertThatThrownBy(() -> dir.write(name, bytes("x")))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("name");
    }
    assertThat(entries(outside)).containsExactly(secret);
    assertThat(entries(out)).isEmpty();
  }

  @Test
  void anExistingSymbolicLinkAsTheFileIsRefusedAndItsTargetKeepsItsBytes() throws IOException {
    OutputDirectory dir = OutputDirectory.open(out);
    Files.createSymbolicLink(out.resolve("summary.txt"), secret);
    assertThatThrownBy(() -> dir.write("summary.txt", bytes("overwritten")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbolic link, not followed");
    assertThat(secret).hasContent(SECRET.strip());
    assertThat(Files.isSymbolicLink(out.resolve("summary.txt"))).isTrue();
    assertThat(entries(out)).containsExactly(out.resolve("summary.txt")); // no temporary left
  }

  @Test
  void aDanglingSymbolicLinkIsNotFollowedToCreateItsTarget() throws IOException {
    OutputDirectory dir = OutputDirectory.open(out);
    Path planted = outside.resolve("planted.txt");
    Files.createSymbolicLink(out.resolve("chart.png"), planted);
    assertThatThrownBy(() -> dir.write("chart.png", bytes("png")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(planted).doesNotExist();
  }

  @Test
  void aSymbolicLinkAsAnIntermediateDirectoryIsRefusedAndNothingLandsInItsTarget()
      throws IOException {
    OutputDirectory dir = OutputDirectory.open(out);
    Files.createSymbolicLink(out.resolve("charts"), outside);
    Files.createDirectories(out.resolve("deep/er"));
    Files.createSymbolicLink(out.resolve("deep/er/link"), outside);
    for (String name : List.of("charts/new.txt", "charts/secret.txt", "deep/er/link/x/y.txt")) {
      assertThatThrownBy(() -> dir.write(name, bytes("x")))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("symbolic link, not followed");
    }
    assertThat(entries(outside)).containsExactly(secret);
    assertThat(secret).hasContent(SECRET.strip());
  }

  @Test
  void anExistingRegularFileIsReplacedWholeAndAHardLinksOtherNameKeepsItsBytes()
      throws IOException {
    OutputDirectory dir = OutputDirectory.open(out);
    Files.createLink(out.resolve("summary.txt"), secret);
    Path written = dir.write("summary.txt", bytes("new summary"));
    assertThat(written).hasContent("new summary");
    assertThat(secret).hasContent(SECRET.strip());
    assertThat(entries(out)).containsExactly(written);
  }

  @Test
  void aDirectoryWhereTheFileShouldBeIsRefused() throws IOException {
    OutputDirectory dir = OutputDirectory.open(out);
    Files.createDirectories(out.resolve("summary.txt"));
    assertThatThrownBy(() -> dir.write("summary.txt", bytes("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void aWriteThatFailsLeavesNeitherTheFileNorItsTemporary() throws IOException {
    OutputDirectory dir = OutputDirectory.open(out);
    InputStream broken =
        new InputStream() {
          private boolean gave;

          @Override
          public int read() throws IOException {
            throw new IOException("the source broke");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (gave) {
              throw new IOException("the source broke");
            }
            gave = true;
            b[off] = 'x';
            return 1;
          }
        };
    assertThatThrownBy(() -> dir.write("half.txt", broken)).hasMessage("the source broke");
    assertThat(entries(out)).isEmpty();
  }

  @Test
  void anOutThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> OutputDirectory.open(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a directory");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> !p.equals(dir)).sorted().toList();
    }
  }
}
