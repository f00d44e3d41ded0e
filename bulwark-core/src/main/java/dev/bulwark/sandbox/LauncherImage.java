package dev.bulwark.sandbox;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The launcher binary ({@code src/main/c/bulwark-launch.c}), held in memory and started through a
 * symbolic link in the engine's state directory. Debian and Ubuntu mount /run noexec, and root's
 * state directory is /run/bulwark: a copy of the binary there could not run. The link resolves to a
 * sealed memfd of this JVM ({@code /proc/PID/fd/N}), which no mount option stops, which nothing can
 * change once sealed, and which goes away with the JVM. One per JVM, whatever the number of
 * engines.
 */
final class LauncherImage {
  /** The resource next to this class, built by bulwark-core's build. */
  static final String RESOURCE = "bulwark-launch";

  // <linux/memfd.h> and <fcntl.h>, x86_64 and aarch64 alike
  private static final int MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2;
  private static final int F_ADD_SEALS = 1033;
  private static final int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
  private static final int O_RDONLY = 0, O_CLOEXEC = 02000000;

  private static Path image;

  private LauncherImage() {}

  /** Whether the build put the binary on the class path. */
  static boolean built() {
    return LauncherImage.class.getResource(RESOURCE) != null;
  }

  /** Links {@code link} to the image, which this JVM creates on first use. */
  static Path link(Path link) {
    try {
      return Files.createSymbolicLink(link, image());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path image() throws IOException {
    if (image == null) {
      byte[] binary;
      try (InputStream in = LauncherImage.class.getResourceAsStream(RESOURCE)) {
        binary = Objects.requireNonNull(in, "the launcher was not built").readAllBytes();
      }
      int fd = memfd();
      // The descriptor is this JVM's own (close-on-exec); writing reopens it through /proc.
      Files.write(Path.of("/proc/self/fd/" + fd), binary);
      seal(fd);
      // Kept open read-only: older kernels refuse to exec a file open for writing (ETXTBSY).
      int readOnly = reopenReadOnly(fd);
      image = Path.of("/proc/" + ProcessHandle.current().pid() + "/fd/" + readOnly);
    }
    return image;
  }

  private static int memfd() throws IOException {
    Linker linker = Linker.nativeLinker();
    MethodHandle memfdCreate =
        linker.downcallHandle(
            linker.defaultLookup().find("memfd_create").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
            Linker.Option.captureCallState("errno"));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
      int fd =
          (int)
              memfdCreate.invokeExact(
                  state, arena.allocateFrom(RESOURCE), MFD_CLOEXEC | MFD_ALLOW_SEALING);
      if (fd < 0) {
        throw new IOException("memfd_create failed: errno " + errno(state));
      }
      return fd;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void seal(int fd) throws IOException {
    Linker linker = Linker.nativeLinker();
    MethodHandle fcntl =
        linker.downcallHandle(
            linker.defaultLookup().find("fcntl").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2),
            Linker.Option.captureCallState("errno"));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
      int seals = F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL;
      if ((int) fcntl.invokeExact(state, fd, F_ADD_SEALS, seals) != 0) {
        throw new IOException("cannot seal the launcher's memfd: errno " + errno(state));
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static int reopenReadOnly(int fd) throws IOException {
    Linker linker = Linker.nativeLinker();
    MethodHandle open =
        linker.downcallHandle(
            linker.defaultLookup().find("open").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
            Linker.Option.captureCallState("errno"));
    MethodHandle close =
        linker.downcallHandle(
            linker.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
      int readOnly =
          (int)
              open.invokeExact(
                  state, arena.allocateFrom("/proc/self/fd/" + fd), O_RDONLY | O_CLOEXEC);
      if (readOnly < 0) {
        throw new IOException("cannot reopen the launcher's memfd: errno " + errno(state));
      }
      int closed = (int) close.invokeExact(fd);
      if (closed != 0) {
        throw new IOException("cannot close the launcher's writable memfd");
      }
      return readOnly;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static int errno(MemorySegment state) {
    VarHandle errno =
        Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));
    return (int) errno.get(state, 0L);
  }
}
