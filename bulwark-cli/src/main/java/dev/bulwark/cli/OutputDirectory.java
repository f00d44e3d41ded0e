package dev.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A directory the user named (with {@code --out}) that commands write files into under names that
 * come from elsewhere: a sandboxed program's artifacts, a session's files, an output's number.
 *
 * <p>What it promises, whatever the names and whatever the directory already holds:
 *
 * <ul>
 *   <li>a name is a relative path that stays inside: no absolute name, no {@code ..}, {@code .} or
 *       empty parts, no NUL or other control character; anything else is an {@link
 *       IllegalArgumentException} (exit 2) naming it;
 *   <li>no symbolic link is ever followed below the directory: each part of the name is opened
 *       relative to its parent's open descriptor with {@code O_NOFOLLOW} ({@link
 *       SecureDirectoryStream}, {@code openat}); an existing link, as an intermediate directory or
 *       as the file, is refused with an {@link IllegalArgumentException};
 *   <li>missing intermediate directories are created; the file's bytes go to a new temporary name
 *       in the file's own directory ({@code O_CREAT | O_EXCL | O_NOFOLLOW}) that is then renamed
 *       over the name ({@code renameat}): an existing regular file is replaced whole and at once
 *       (never written through, so a hard link's other names keep their bytes), and a failed write
 *       leaves nothing behind.
 * </ul>
 *
 * <p>The one step that goes by the directory's path rather than a descriptor is the creation of a
 * missing intermediate directory ({@code mkdir} of one new name, which follows no link at that
 * name); the new directory is then opened with {@code O_NOFOLLOW} from its parent's descriptor, so
 * a concurrent swap of a parent can at worst leave an empty directory elsewhere, never a file's
 * bytes. The directory itself ({@code --out}) is the user's to choose and may be reached through
 * links. Thread-safe: it holds only the directory's path.
 */
final class OutputDirectory {
  private final Path root;

  private OutputDirectory(Path root) {
    this.root = root;
  }

  /**
   * The directory {@code dir}, created with its parents if missing.
   *
   * @throws IllegalArgumentException when {@code dir} exists and is not a directory
   */
  static OutputDirectory open(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a directory");
    }
    Files.createDirectories(dir);
    return new OutputDirectory(dir);
  }

  /** Writes {@code content} as {@code name}; returns the file's path under the directory. */
  Path write(String name, byte[] content) throws IOException {
    return write(name, (OutputStream out) -> out.write(content));
  }

  /** Writes what {@code content} holds, to its end, as {@code name}; does not close it. */
  Path write(String name, InputStream content) throws IOException {
    return write(name, content::transferTo);
  }

  private interface Bytes {
    void to(OutputStream out) throws IOException;
  }

  private Path write(String name, Bytes bytes) throws IOException {
    List<String> parts = parts(name);
    Path target = root.resolve(name);
    List<SecureDirectoryStream<Path>> opened = new ArrayList<>();
    try {
      SecureDirectoryStream<Path> dir = secure(Files.newDirectoryStream(root), opened);
      Path here = root;
      for (String part : parts.subList(0, parts.size() - 1)) {
        here = here.resolve(part);
        dir = secure(child(dir, here, part), opened);
      }
      Path file = Path.of(parts.getLast());
      refuseNonRegular(dir, file, target);
      Path temporary = Path.of("." + parts.getLast() + "." + UUID.randomUUID() + ".tmp");
      writeNew(dir, temporary, bytes);
      try {
        refuseNonRegular(dir, file, target); // again, closer to the rename
        dir.move(temporary, dir, file);
      } catch (IOException | RuntimeException e) {
        dir.deleteFile(temporary);
        throw e;
      }
      return target;
    } finally {
      for (SecureDirectoryStream<Path> dir : opened.reversed()) {
        dir.close();
      }
    }
  }

  /** The name's parts, or a refusal that says what is wrong with it. */
  static List<String> parts(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an output's name is empty");
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "an output's name holds a control character: " + name.replaceAll("\\p{Cntrl}", "?"));
    }
    if (name.startsWith("/")) {
      throw new IllegalArgumentException(name + ": an output's name must be relative");
    }
    List<String> parts = List.of(name.split("/", -1));
    for (String part : parts) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException(
            name + ": an output's name may not have empty, '.' or '..' parts");
      }
    }
    return parts;
  }

  /** The directory {@code part} of {@code dir}, created if missing, opened without following. */
  private static DirectoryStream<Path> child(
      SecureDirectoryStream<Path> dir, Path path, String part) throws IOException {
    Path name = Path.of(part);
    BasicFileAttributes existing = attributes(dir, name);
    if (existing == null) {
      try {
        Files.createDirectory(path);
      } catch (FileAlreadyExistsException raced) {
        // made meanwhile: opened below like any other, and refused there if it is no directory
      }
    } else if (existing.isSymbolicLink()) {
      throw new IllegalArgumentException(path + ": a symbolic link, not followed");
    } else if (!existing.isDirectory()) {
      throw new IllegalArgumentException(path + ": exists and is not a directory");
    }
    try {
      return dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new IllegalArgumentException(path + ": not a directory it can enter: " + e, e);
    }
  }

  private static void refuseNonRegular(SecureDirectoryStream<Path> dir, Path file, Path target)
      throws IOException {
    BasicFileAttributes existing = attributes(dir, file);
    if (existing == null || existing.isRegularFile()) {
      return;
    }
    throw new IllegalArgumentException(
        target
            + (existing.isSymbolicLink()
                ? ": a symbolic link, not followed"
                : ": exists and is not a regular file"));
  }

  private static void writeNew(SecureDirectoryStream<Path> dir, Path temporary, Bytes bytes)
      throws IOException {
    Set<OpenOption> options =
        Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS);
    SeekableByteChannel channel = dir.newByteChannel(temporary, options);
    try (OutputStream out = Channels.newOutputStream(channel)) {
      bytes.to(out);
    } catch (IOException | RuntimeException e) {
      dir.deleteFile(temporary);
      throw e;
    }
  }

  /** The entry's own attributes (a link's, not its target's), or null when there is none. */
  private static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name)
      throws IOException {
    try {
      return dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .readAttributes();
    } catch (NoSuchFileException absent) {
      return null;
    }
  }

  private static SecureDirectoryStream<Path> secure(
      DirectoryStream<Path> stream, List<SecureDirectoryStream<Path>> opened) throws IOException {
    if (stream instanceof SecureDirectoryStream<Path> secure) {
      opened.add(secure);
      return secure;
    }
    stream.close();
    throw new IOException("this platform cannot write outputs without following links");
  }
}
