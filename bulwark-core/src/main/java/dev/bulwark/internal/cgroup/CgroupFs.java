package dev.bulwark.internal.cgroup;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.bulwark.internal.cgroup.CgroupException.Code;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading and writing cgroupfs files the way the kernel expects: one {@code write(2)} per value,
 * reads bounded (a cgroup file is a few lines; anything bigger is not the file we think it is), and
 * no symbolic link followed (cgroupfs has none, so one means someone is steering us elsewhere).
 */
final class CgroupFs {
  /** Run names: safe as one path segment, never {@code .} or {@code ..}. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final int SMALL_FILE = 64 << 10;

  /** 1 MiB of cgroup.procs is about 130,000 pids; killers loop, so a cut list is only deferred. */
  private static final int PROCS_FILE = 1 << 20;

  private CgroupFs() {}

  static boolean isValidName(String name) {
    return NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  static String checkName(String name) {
    if (name == null || !isValidName(name)) {
      throw new IllegalArgumentException(
          "invalid cgroup name '" + name + "': use 1 to 64 of A-Z a-z 0-9 _ . - (not . or ..)");
    }
    return name;
  }

  static boolean isDirectory(Path path) {
    return Files.isDirectory(path, NOFOLLOW_LINKS);
  }

  static boolean isFile(Path path) {
    return Files.isRegularFile(path, NOFOLLOW_LINKS);
  }

  /** Reads a small file whole; fails if it is larger than any cgroup file should be. */
  static String read(Path file) {
    String text = read(file, SMALL_FILE);
    if (text.length() > SMALL_FILE) {
      throw new CgroupException(
          Code.OPERATION_FAILED, file + " is larger than " + SMALL_FILE + " bytes");
    }
    return text;
  }

  /**
   * Reads up to {@code max} bytes, plus one so that callers can tell a cut file. The buffer starts
   * at a page and grows: most files are a line, and zeroing a megabyte for each read of a {@code
   * cgroup.procs} was a measurable part of a run's CPU.
   */
  static String read(Path file, int max) {
    try (SeekableByteChannel in = Files.newByteChannel(file, Set.of(READ, NOFOLLOW_LINKS))) {
      ByteBuffer buffer = ByteBuffer.allocate(Math.min(max + 1, 4096));
      while (true) {
        if (!buffer.hasRemaining()) {
          if (buffer.capacity() > max) {
            break;
          }
          ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(max + 1L, 4L * buffer.capacity()));
          buffer = bigger.put(buffer.flip());
        }
        if (in.read(buffer) == -1) { // kernfs hands out a seq_file page at a time
          break;
        }
      }
      return new String(buffer.array(), 0, buffer.position(), US_ASCII);
    } catch (IOException e) {
      throw new CgroupException(Code.OPERATION_FAILED, "cannot read " + file + ": " + reason(e), e);
    }
  }

  /** A file holding one number, such as {@code cpuacct.usage}. */
  static long readLong(Path file) {
    String text = read(file).strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new CgroupException(
          Code.OPERATION_FAILED, file + " does not hold a number: '" + text + "'", e);
    }
  }

  /**
   * The value of {@code key} in a flat-keyed file ({@code "oom_kill 3"} lines), 0 when the key is
   * absent: older kernels omit counters that never moved, and an absent counter has counted
   * nothing.
   */
  static long keyed(Path file, String key) {
    for (String line : read(file).split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 2 && parts[0].equals(key)) {
        try {
          return Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
          throw new CgroupException(
              Code.OPERATION_FAILED, file + ": bad value in '" + line + "'", e);
        }
      }
    }
    return 0;
  }

  /**
   * The pids listed in a {@code cgroup.procs} file; none when the cgroup is gone, or going: a v1
   * cgroup whose removal has begun (another engine's, which died while removing it) answers ENODEV
   * and holds no process.
   */
  static List<Long> readPids(Path procs) {
    if (!isFile(procs)) {
      return List.of();
    }
    String text;
    try {
      text = read(procs, PROCS_FILE);
    } catch (CgroupException e) {
      if (e.getCause() instanceof IOException io
          && (io instanceof NoSuchFileException || "No such device".equals(reason(io)))) {
        return List.of();
      }
      throw e;
    }
    if (text.length() > PROCS_FILE) {
      text = text.substring(0, text.lastIndexOf('\n') + 1); // drop the cut line
    }
    List<Long> pids = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        try {
          pids.add(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
          throw new CgroupException(
              Code.OPERATION_FAILED, procs + ": not a pid: '" + line + "'", e);
        }
      }
    }
    return pids;
  }

  /**
   * Writes a value in a single {@code write(2)}: cgroupfs parses each write on its own, so a value
   * split over two writes would be two (wrong) values.
   */
  static void write(Path file, String value) {
    byte[] bytes = value.getBytes(US_ASCII);
    try (FileChannel out = FileChannel.open(file, WRITE, TRUNCATE_EXISTING, NOFOLLOW_LINKS)) {
      int written = out.write(ByteBuffer.wrap(bytes));
      if (written != bytes.length) {
        throw new IOException("short write: " + written + " of " + bytes.length + " bytes");
      }
    } catch (IOException e) {
      throw new CgroupException(
          Code.OPERATION_FAILED, "cannot write '" + value + "' to " + file + ": " + reason(e), e);
    }
  }

  /** Creates one cgroup directory; it must not exist yet. */
  static void mkdir(Path dir) {
    try {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      throw new CgroupException(
          Code.OPERATION_FAILED,
          "cgroup "
              + dir
              + " already exists: a run of that name is active or was left by a crash"
              + " (Cgroups.cleanupStale removes leftovers)",
          e);
    } catch (AccessDeniedException e) {
      throw new CgroupException(
          Code.HOST_NOT_READY, "cannot create cgroup " + dir + ": permission denied", e);
    } catch (IOException e) {
      throw new CgroupException(
          Code.OPERATION_FAILED, "cannot create cgroup " + dir + ": " + reason(e), e);
    }
  }

  /**
   * Makes {@code root/relative} exist as real directories, creating missing segments, refusing any
   * segment that is a symbolic link or a file.
   */
  static void ensureDirs(Path root, Path relative) {
    Path dir = root;
    for (Path segment : relative) {
      dir = dir.resolve(segment.toString());
      if (isDirectory(dir)) {
        continue;
      }
      if (Files.exists(dir, NOFOLLOW_LINKS)) {
        throw new CgroupException(Code.HOST_NOT_READY, dir + " exists but is not a directory");
      }
      try {
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        if (!isDirectory(dir)) { // lost a race to something that is not a directory
          throw new CgroupException(Code.HOST_NOT_READY, dir + " exists but is not a directory", e);
        }
      } catch (IOException e) {
        throw new CgroupException(
            Code.HOST_NOT_READY, "cannot create " + dir + ": " + reason(e), e);
      }
    }
  }

  /**
   * Removes a cgroup directory. Right after its last process died the kernel may still count it
   * (the exit is not complete until the parent reaps it), and rmdir answers EBUSY: retried for up
   * to {@code attempts} times 10 ms before giving up.
   */
  static void rmdir(Path dir, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try {
        Files.deleteIfExists(dir);
        return;
      } catch (FileSystemException e) {
        if (attempt >= attempts) {
          throw new CgroupException(
              Code.OPERATION_FAILED, "cannot remove cgroup " + dir + ": " + reason(e), e);
        }
      } catch (IOException e) {
        throw new CgroupException(
            Code.OPERATION_FAILED, "cannot remove cgroup " + dir + ": " + reason(e), e);
      }
      Hierarchy.pause(10);
    }
  }

  /** Names of the subdirectories of {@code dir} that are valid run names; none if it is absent. */
  static List<String> runNames(Path dir) {
    if (!isDirectory(dir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (isValidName(name) && isDirectory(entry)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new CgroupException(Code.OPERATION_FAILED, "cannot list " + dir + ": " + reason(e), e);
    }
    return names;
  }

  /** The nearest of {@code path} and its ancestors that exists. */
  static Path nearestExisting(Path path) {
    Path p = path;
    while (p.getParent() != null && !Files.exists(p, NOFOLLOW_LINKS)) {
      p = p.getParent();
    }
    return p;
  }

  /** The errno text of a failed file operation ("Device or resource busy"), not the whole path. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) { // the JDK leaves its reason empty
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
