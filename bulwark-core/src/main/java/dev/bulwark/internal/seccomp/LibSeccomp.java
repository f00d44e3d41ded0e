package dev.bulwark.internal.seccomp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.bulwark.internal.seccomp.SeccompException.Code;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The slice of libseccomp (and of libc, to give it a file descriptor) that compiling a filter
 * needs, called through the foreign-function API. Signatures follow {@code seccomp.h} of 2.5.x.
 * Loaded once per JVM; the handles are thread-safe, a {@link Filter} is not.
 */
final class LibSeccomp {

  private static final String LIBRARY = "libseccomp.so.2";

  // enum scmp_filter_attr
  static final int ATTR_ACT_BADARCH = 2;
  static final int ATTR_CTL_OPTIMIZE = 8;

  /** {@code struct scmp_arg_cmp}: two 32-bit fields then two 64-bit ones, 24 bytes, no padding. */
  private static final StructLayout ARG_CMP =
      MemoryLayout.structLayout(
          JAVA_INT.withName("arg"),
          JAVA_INT.withName("op"),
          JAVA_LONG.withName("datum_a"),
          JAVA_LONG.withName("datum_b"));

  // x86_64 values from <fcntl.h>
  private static final int O_WRONLY = 01;
  private static final int O_CREAT = 0100;
  private static final int O_EXCL = 0200;
  private static final int O_NOFOLLOW = 0400000;
  private static final int O_CLOEXEC = 02000000;

  /** Names for the errnos libseccomp and open(2) report here; others print as a number. */
  private static final Map<Integer, String> ERRNO_NAMES =
      Map.ofEntries(
          Map.entry(1, "EPERM"),
          Map.entry(2, "ENOENT"),
          Map.entry(12, "ENOMEM"),
          Map.entry(13, "EACCES"),
          Map.entry(14, "EFAULT"),
          Map.entry(17, "EEXIST"),
          Map.entry(20, "ENOTDIR"),
          Map.entry(22, "EINVAL"),
          Map.entry(28, "ENOSPC"),
          Map.entry(30, "EROFS"),
          Map.entry(33, "EDOM"),
          Map.entry(95, "EOPNOTSUPP"));

  private static LibSeccomp instance;

  private final MethodHandle init;
  private final MethodHandle release;
  private final MethodHandle attrSet;
  private final MethodHandle resolveName;
  private final MethodHandle ruleAddArray;
  private final MethodHandle exportBpf;
  private final MethodHandle open;
  private final MethodHandle close;
  private final VarHandle errno;

  private LibSeccomp(SymbolLookup seccomp) {
    Linker linker = Linker.nativeLinker();
    init = bind(linker, seccomp, "seccomp_init", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    release = bind(linker, seccomp, "seccomp_release", FunctionDescriptor.ofVoid(ADDRESS));
    attrSet =
        bind(
            linker,
            seccomp,
            "seccomp_attr_set",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    resolveName =
        bind(
            linker,
            seccomp,
            "seccomp_syscall_resolve_name",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    ruleAddArray =
        bind(
            linker,
            seccomp,
            "seccomp_rule_add_array",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    exportBpf =
        bind(
            linker,
            seccomp,
            "seccomp_export_bpf",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    SymbolLookup libc = linker.defaultLookup();
    // int open(const char *path, int flags, ...): the mode is a variadic argument.
    open =
        linker.downcallHandle(
            libc.findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2),
            Linker.Option.captureCallState("errno"));
    close =
        linker.downcallHandle(libc.findOrThrow("close"), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    errno =
        Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));
  }

  private static MethodHandle bind(
      Linker linker, SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
    return linker.downcallHandle(lookup.findOrThrow(name), descriptor);
  }

  /** The loaded library; retried on each call until it loads, so an install fixes a running JVM. */
  static synchronized LibSeccomp get() {
    if (instance == null) {
      SymbolLookup seccomp;
      try {
        seccomp = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
      } catch (IllegalArgumentException e) {
        throw new SeccompException(
            Code.LIBSECCOMP_UNAVAILABLE,
            LIBRARY + " not found: apt-get install libseccomp2 (or dnf install libseccomp)",
            e);
      }
      try {
        instance = new LibSeccomp(seccomp);
      } catch (NoSuchElementException e) {
        throw new SeccompException(
            Code.LIBSECCOMP_UNAVAILABLE,
            LIBRARY + " lacks a function Bulwark needs (libseccomp 2.5 or newer is required)",
            e);
      }
    }
    return instance;
  }

  /** A new, empty filter whose unmatched syscalls get {@code defaultAction}. */
  Filter newFilter(String name, Action defaultAction) {
    MemorySegment ctx;
    try {
      ctx = (MemorySegment) init.invokeExact(defaultAction.encode());
    } catch (Throwable t) {
      throw unchecked(t);
    }
    if (ctx.equals(MemorySegment.NULL)) {
      throw new SeccompException(
          Code.COMPILE_FAILED,
          "seccomp_init refused the default action '"
              + defaultAction.token()
              + "' of the "
              + name
              + " filter");
    }
    return new Filter(name, ctx);
  }

  /**
   * The syscall number on this machine's architecture, or a negative number when libseccomp does
   * not know the name (a syscall newer than the library, or one of another architecture).
   */
  int resolve(String syscall) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment name = arena.allocateFrom(syscall);
      return call(() -> (int) resolveName.invokeExact(name));
    }
  }

  /** Creates {@code path} (which must not exist) with mode 0644 and returns its descriptor. */
  private int create(Path path) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
      MemorySegment cPath = arena.allocateFrom(path.toString());
      int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
      int fd = call(() -> (int) open.invokeExact(state, cPath, flags, 0644));
      if (fd < 0) {
        int error = (int) errno.get(state, 0L);
        throw new SeccompException(
            Code.WRITE_FAILED, "cannot create " + path + ": " + describe(-error));
      }
      return fd;
    }
  }

  private void closeFd(int fd, Path path) {
    if (call(() -> (int) close.invokeExact(fd)) < 0) {
      throw new SeccompException(Code.WRITE_FAILED, "closing " + path + " failed");
    }
  }

  /** "EINVAL (22)" for a libseccomp return code of -22. */
  static String describe(int negativeErrno) {
    int number = -negativeErrno;
    return ERRNO_NAMES.getOrDefault(number, "errno") + " (" + number + ")";
  }

  /**
   * A downcall returning int; the linker declares Throwable, the calls here throw nothing checked.
   */
  @FunctionalInterface
  private interface IntCall {
    int invoke() throws Throwable;
  }

  private static int call(IntCall downcall) {
    try {
      return downcall.invoke();
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  private static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("a native call threw a checked exception", t);
  }

  /** One libseccomp filter context; released on {@link #close()}. Not thread-safe. */
  final class Filter implements AutoCloseable {

    private final String name;
    private MemorySegment ctx;

    private Filter(String name, MemorySegment ctx) {
      this.name = name;
      this.ctx = ctx;
    }

    void setAttribute(int attribute, int value, String what) {
      MemorySegment filter = ctx;
      int rc = call(() -> (int) attrSet.invokeExact(filter, attribute, value));
      if (rc < 0) {
        throw new SeccompException(
            Code.COMPILE_FAILED,
            "libseccomp refused the " + what + " of the " + name + " filter: " + describe(rc));
      }
    }

    /** Adds {@code rule} for syscall {@code number}; a refusal names the policy line. */
    void addRule(Rule rule, int number) {
      List<Condition> conditions = rule.conditions();
      int rc;
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment array = MemorySegment.NULL;
        if (!conditions.isEmpty()) {
          array = arena.allocate(ARG_CMP, conditions.size());
          for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            MemorySegment cmp = array.asSlice(i * ARG_CMP.byteSize(), ARG_CMP);
            cmp.set(JAVA_INT, 0, c.arg());
            cmp.set(JAVA_INT, 4, c.op().code);
            cmp.set(JAVA_LONG, 8, c.datumA());
            cmp.set(JAVA_LONG, 16, c.datumB());
          }
        }
        MemorySegment filter = ctx;
        MemorySegment args = array;
        int action = rule.action().encode();
        rc =
            call(() ->
                (int) ruleAddArray.invokeExact(filter, action, number, conditions.size(), args));
      }
      if (rc < 0) {
        throw new SeccompException(
            Code.COMPILE_FAILED,
            "libseccomp refused policy line "
                + rule.line()
                + " ("
                + rule
                + ") of the "
                + name
                + " filter: "
                + describe(rc));
      }
    }

    /** Writes the BPF program to a new file {@code path}, which must not exist yet. */
    void exportBpf(Path path) {
      int fd = create(path);
      try {
        MemorySegment filter = ctx;
        int rc = call(() -> (int) exportBpf.invokeExact(filter, fd));
        if (rc < 0) {
          throw new SeccompException(
              Code.COMPILE_FAILED,
              "libseccomp could not export the "
                  + name
                  + " filter to "
                  + path
                  + ": "
                  + describe(rc));
        }
      } finally {
        closeFd(fd, path);
      }
    }

    @Override
    public void close() {
      if (ctx != null) {
        MemorySegment filter = ctx;
        ctx = null;
        try {
          release.invokeExact(filter);
        } catch (Throwable t) {
          throw unchecked(t);
        }
      }
    }
  }
}
