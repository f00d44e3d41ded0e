package dev.bulwark.internal.launch;

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
public final class LauncherImage {
  /** The resource next to this class, built by bulwark-core's build. */
  public static final String RESOURCE = "bulwark-launch";

  // <linux/memfd.h> and <fcntl.h>, x86_64 and aarch64 alike
  private static final int MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2, MFD_EXEC = 0x10;
  private static final int EINVAL = 22;
  private static final int F_ADD_SEALS = 1033;
  private static final int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
  private static final int O_RDONLY = 0, O_CLOEXEC = 02000000;

  private static Path image;

  private LauncherImage() {}

  /** Whether the build put the binary on the class path. */
  public static boolean built() {
    return LauncherImage.class.getResource(RESOURCE) != null;
  }

  /** Links {@code link} to the image, which this JVM creates on first use. */
  public static Path link(Path link) {
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
      try (Arena arena = Arena.ofConfined()) {
        int fd = memfd(arena);
        // The descriptor is this JVM's own (close-on-exec); writing reopens it through /proc.
        Files.write(Path.of("/proc/self/fd/" + fd), binary);
        libc(
            arena,
            "fcntl",
            2,
            fd,
            F_ADD_SEALS,
            F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
        // Kept open read-only: older kernels refuse to exec a file open for writing (ETXTBSY).
        int readOnly =
            libc(arena, "open", 2, arena.allocateFrom("/proc/self/fd/" + fd), O_RDONLY | O_CLOEXEC);
        libc(arena, "close", 1, fd);
        image = Path.of("/proc/" + ProcessHandle.current().pid() + "/fd/" + readOnly);
      }
    }
    return image;
  }

  /**
   * An executable memfd. Since Linux 6.3 a memfd may be created not executable, and vm.memfd_noexec
   * can make that the default: ask for MFD_EXEC, which older kernels do not know.
   */
  private static int memfd(Arena arena) throws IOException {
    MemorySegment name = arena.allocateFrom(RESOURCE);
    try {
      return libc(arena, "memfd_create", 2, name, MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
    } catch (Errno e) {
      if (e.number != EINVAL) {
        throw e; // EACCES: vm.memfd_noexec=2 forbids executable memfds on this host
      }
      return libc(arena, "memfd_create", 2, name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    }
  }

  /** A failed libc call and its errno. */
  private static final class Errno extends IOException {
    private static final long serialVersionUID = 1L;
    final int number;

    Errno(String call, int number) {
      super(call + " failed for the sandbox launcher: errno " + number);
      this.number = number;
    }
  }

  /**
   * Calls a libc function that takes pointers and ints, the first {@code fixed} of them before any
   * variadic ones ({@code open}, {@code fcntl}), and returns an int: -1 and errno on failure.
   */
  private static int libc(Arena arena, String name, int fixed, Object... args) throws IOException {
    Linker linker = Linker.nativeLinker();
    MemoryLayout[] layouts = new MemoryLayout[args.length];
    for (int i = 0; i < args.length; i++) {
      layouts[i] = args[i] instanceof MemorySegment ? ADDRESS : JAVA_INT;
    }
    Linker.Option[] options =
        fixed < args.length
            ? new Linker.Option[] {
              Linker.Option.firstVariadicArg(fixed), Linker.Option.captureCallState("errno")
            }
            : new Linker.Option[] {Linker.Option.captureCallState("errno")};
    MethodHandle function =
        linker.downcallHandle(
            linker.defaultLookup().find(name).orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, layouts),
            options);
    MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
    Object[] withState = new Object[args.length + 1];
    withState[0] = state;
    System.arraycopy(args, 0, withState, 1, args.length);
    int result;
    try {
      result = (int) function.invokeWithArguments(withState);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot call " + name, e);
    }
    if (result < 0) {
      VarHandle errno =
          Linker.Option.captureStateLayout()
              .varHandle(MemoryLayout.PathElement.groupElement("errno"));
      throw new Errno(name, (int) errno.get(state, 0L));
    }
    return result;
  }
}
