package dev.bulwark.internal.run;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The large artifacts of one-shot runs, kept for a while for the server to serve ({@code
 * Engine.artifact(ref)}), under a random ref. Held in memory within a total cap: beyond it the
 * oldest go first. Thread-safe.
 */
public final class ArtifactStore {
  /** What all kept artifacts may hold together. */
  static final long MAX_TOTAL = 512L << 20;

  private record Kept(byte[] content, Instant until, long sequence) {}

  private final Duration ttl;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private long total;
  private long sequence;

  public ArtifactStore(Duration ttl) {
    this.ttl = ttl;
  }

  /** Keeps the bytes; returns their ref. */
  synchronized String keep(byte[] content) {
    expire();
    while (total + content.length > MAX_TOTAL && !kept.isEmpty()) {
      String oldest =
          kept.entrySet().stream()
              .min((a, b) -> Long.compare(a.getValue().sequence(), b.getValue().sequence()))
              .orElseThrow()
              .getKey();
      total -= kept.remove(oldest).content().length;
    }
    byte[] id = new byte[16];
    random.nextBytes(id);
    String ref = "a-" + HexFormat.of().formatHex(id);
    kept.put(ref, new Kept(content, Instant.now().plus(ttl), sequence++));
    total += content.length;
    return ref;
  }

  /** The bytes of a ref while kept. */
  public Optional<InputStream> open(String ref) {
    Kept k = kept.get(ref);
    if (k == null || Instant.now().isAfter(k.until())) {
      return Optional.empty();
    }
    return Optional.of(new ByteArrayInputStream(k.content()));
  }

  private void expire() {
    Instant now = Instant.now();
    kept.entrySet()
        .removeIf(e -> {
          boolean old = now.isAfter(e.getValue().until());
          if (old) {
            total -= e.getValue().content().length;
          }
          return old;
        });
  }
}
