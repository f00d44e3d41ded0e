package dev.bulwark.internal.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's {@code /etc}: a curated copy of a few host entries plus generated identity files,
 * assembled once per engine and bound read-only as a whole. One bind instead of one per entry saves
 * about 3.5 ms per sandbox (measured with {@code bulwark bench}); host changes to these entries
 * reach sandboxes at the engine's next start. Every tier binds the same one.
 */
public final class SandboxEtc {
  /** Host /etc entries a runtime may need; everything else of /etc stays out. */
  static final List<String> HOST_ENTRIES =
      List.of(
          "ld.so.cache",
          "ld.so.conf",
          "ld.so.conf.d",
          "nsswitch.conf",
          "localtime",
          "alternatives",
          "ssl/certs",
          "ca-certificates.conf",
          "mime.types",
          "protocols",
          "services",
          "host.conf",
          "gai.conf",
          "python3",
          "python3.11",
          "bash.bashrc",
          "inputrc",
          "matplotlibrc", // Debian's matplotlib keeps its defaults here, not in the package
          "fonts", // fontconfig's, which matplotlib's import reads; without it a warning on stderr
          "debian_version");

  /** Identity of the payload inside its namespaces: uid and gid 1000, host name {@code sandbox}. */
  static final Map<String, String> GENERATED =
      Map.of(
          "passwd",
              "sandbox:x:1000:1000:sandbox:/work:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
          "group", "sandbox:x:1000:\nnogroup:x:65534:\n",
          "hosts", "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n",
          "hostname", "sandbox\n");

  /** Where the egress interception CA is, inside, when the operator turned interception on. */
  public static final String EGRESS_CA_INSIDE = "/etc/ssl/certs/bulwark-egress-ca.pem";

  private SandboxEtc() {}

  static Path build(Path hostEtc, Path dir) {
    return build(hostEtc, dir, Optional.empty());
  }

  /**
   * Builds {@code dir} (which must not exist) from {@code hostEtc}. Symlinks are copied as links,
   * never followed: the ones that matter point into {@code /usr}, which every sandbox has.
   *
   * @param egressCa the egress proxy's interception CA (PEM), added to the trusted certificates
   */
  public static Path build(Path hostEtc, Path dir, Optional<String> egressCa) {
    try {
      Files.createDirectories(dir);
      for (String entry : HOST_ENTRIES) {
        Path source = hostEtc.resolve(entry);
        if (Files.exists(source, LinkOption.NOFOLLOW_LINKS) && Files.isReadable(source)) {
          Files.createDirectories(dir.resolve(entry).getParent());
          copyTree(source, dir.resolve(entry));
        }
      }
      for (Map.Entry<String, String> e : GENERATED.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      if (egressCa.isPresent()) {
        Path certs = Files.createDirectories(dir.resolve("ssl/certs"));
        Files.writeString(certs.resolve("bulwark-egress-ca.pem"), egressCa.get());
        Path bundle = certs.resolve("ca-certificates.crt");
        String existing =
            Files.isRegularFile(bundle, LinkOption.NOFOLLOW_LINKS) ? Files.readString(bundle) : "";
        Files.deleteIfExists(bundle);
        Files.writeString(bundle, existing + egressCa.get(), StandardCharsets.UTF_8);
      }
      makeWorldReadable(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot assemble the sandbox /etc in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(target.resolve(source.relativize(d).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path to = target.resolve(source.relativize(file).toString());
            if (attrs.isSymbolicLink()) {
              Files.createSymbolicLink(to, Files.readSymbolicLink(file));
            } else if (attrs.isRegularFile() && Files.isReadable(file)) {
              Files.copy(file, to, LinkOption.NOFOLLOW_LINKS);
            }
            return FileVisitResult.CONTINUE; // sockets, devices and fifos stay out
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // unreadable: not for sandboxes anyway
          }
        });
  }

  private static void makeWorldReadable(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.toList()) {
        if (!Files.isSymbolicLink(p)) {
          Files.setPosixFilePermissions(
              p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
  }
}
