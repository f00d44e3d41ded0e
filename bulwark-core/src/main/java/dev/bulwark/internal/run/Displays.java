package dev.bulwark.internal.run;

import dev.bulwark.OutputCaps;
import dev.bulwark.model.Json;
import dev.bulwark.model.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The rich outputs of one result, as a sandbox sends them (one nbformat output as JSON a frame),
 * kept in order within the caps ({@link OutputCaps#maxOutputs()}, {@link
 * OutputCaps#maxOutputBytes()}). What comes out of a sandbox is untrusted: JSON that is not an
 * {@link Output} is dropped (the program's own outputs are all it could confuse), and beyond a cap
 * outputs are counted, not kept, and a {@code text/plain} marker ends the list.
 *
 * <p>Thread-safe: one thread offers, any thread reads the list once offering has ended.
 */
public final class Displays {
  private static final Logger LOG = LoggerFactory.getLogger(Displays.class);

  private final int maxCount;
  private final long maxBytes;
  private final Consumer<Output> listener;
  private final List<Output> kept = new ArrayList<>();
  private long bytes;
  private int cut;
  private long cutBytes;
  private int refused;

  /**
   * @param listener hears each output kept, as it is kept
   */
  public Displays(OutputCaps caps, Consumer<Output> listener) {
    this.maxCount = caps.maxOutputs();
    this.maxBytes = caps.maxOutputBytes();
    this.listener = listener;
  }

  /** Takes one output as the sandbox sent it: kept, counted as cut, or refused. */
  public void offer(byte[] json) {
    Output output;
    synchronized (this) {
      if (kept.size() >= maxCount || bytes + json.length > maxBytes) {
        cut++;
        cutBytes += json.length;
        return;
      }
      try {
        output = Json.mapper().readValue(json, Output.class);
      } catch (JacksonException | IllegalArgumentException e) {
        refused++;
        LOG.debug("an output from a sandbox was refused: {}", e.getMessage());
        return;
      }
      kept.add(output);
      bytes += json.length;
    }
    listener.accept(output);
  }

  /** The outputs kept, in order, and a marker last when some were cut or refused. */
  public synchronized List<Output> outputs() {
    if (cut == 0 && refused == 0) {
      return List.copyOf(kept);
    }
    List<Output> all = new ArrayList<>(kept);
    StringBuilder why = new StringBuilder("[... bulwark: ");
    if (cut > 0) {
      why.append(cut)
          .append(cut == 1 ? " output" : " outputs")
          .append(" (")
          .append(cutBytes)
          .append(" bytes) cut: over the caps of ")
          .append(maxCount)
          .append(" outputs and ")
          .append(maxBytes)
          .append(" bytes per result");
    }
    if (refused > 0) {
      why.append(cut > 0 ? "; " : "").append(refused).append(" malformed output(s) dropped");
    }
    all.add(
        new Output(
            Output.Type.DISPLAY_DATA,
            Map.of("text/plain", why.append(" ...]").toString()),
            Map.of("bulwark", Map.of("truncated", true))));
    return List.copyOf(all);
  }
}
