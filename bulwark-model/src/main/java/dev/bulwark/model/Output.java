package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rich output of a program, shaped as a Jupyter output (nbformat 4) so that a notebook front
 * end reads it as it is: a MIME bundle of representations of the same thing, e.g. {@code
 * text/plain} and {@code image/png} (base64) of one chart. Immutable; the maps keep their order.
 *
 * <p>JSON: {@code {"output_type": "display_data", "data": {"text/plain": "..."}, "metadata": {}}}.
 *
 * @param outputType what produced it
 * @param data representations by MIME type: text for textual types, base64 for binary ones, a JSON
 *     value for {@code application/json}
 * @param metadata about the representations, e.g. an image's size; empty when none
 */
public record Output(
    @JsonProperty("output_type") Type outputType,
    Map<String, Object> data,
    Map<String, Object> metadata) {

  /** What produced an output, named as nbformat names it. */
  public enum Type {
    /** The program asked to show something (a chart, a table). */
    @JsonProperty("display_data")
    DISPLAY_DATA,
    /** The value of a cell's last expression. */
    @JsonProperty("execute_result")
    EXECUTE_RESULT,
    /** An error the program raised, e.g. its traceback as {@code text/plain}. */
    @JsonProperty("error")
    ERROR
  }

  /**
   * @throws NullPointerException without a type or data
   * @throws IllegalArgumentException for an empty bundle, or a key that is not a MIME type
   */
  public Output {
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(data, "data");
    if (data.isEmpty()) {
      throw new IllegalArgumentException("an output holds at least one representation");
    }
    for (Map.Entry<String, Object> e : data.entrySet()) {
      if (e.getKey() == null || e.getKey().indexOf('/') <= 0 || e.getValue() == null) {
        throw new IllegalArgumentException(
            "data maps a MIME type such as text/plain to its content, not '" + e.getKey() + "'");
      }
    }
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** Text to show, as a {@code display_data} of {@code text/plain}. */
  public static Output text(String text) {
    return new Output(Type.DISPLAY_DATA, Map.of("text/plain", text), Map.of());
  }
}
