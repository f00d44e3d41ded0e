package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One rich output of a program, shaped as a Jupyter output (nbformat 4) so that a notebook front
 * end reads it as it is: a MIME bundle of representations of the same thing, e.g. {@code
 * text/plain} and {@code image/png} (base64) of one chart, or an error with its traceback.
 * Immutable; the maps keep their order.
 *
 * <p>JSON, exactly nbformat's three shapes:
 *
 * <pre>
 * {"output_type": "display_data", "data": {"text/plain": "..."}, "metadata": {}}
 * {"output_type": "execute_result", "execution_count": 3, "data": {...}, "metadata": {}}
 * {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": ["...", "..."]}
 * </pre>
 *
 * @param outputType what produced it
 * @param data representations by MIME type: text for textual types, base64 for binary ones, a JSON
 *     value for {@code application/json}; empty for an error
 * @param metadata about the representations, e.g. an image's size; empty when none
 * @param executionCount the number of the cell whose value an {@code execute_result} shows; null
 *     for the other types (and for a one-shot run)
 * @param ename an error's type, e.g. {@code ZeroDivisionError}; null unless an error
 * @param evalue an error's message; null unless an error
 * @param traceback an error's traceback, one entry a line, in the program's own terms (its cells or
 *     its file name and line numbers, never the engine's code); null unless an error
 */
@JsonSerialize(using = Output.Writer.class)
public record Output(
    @JsonProperty("output_type") Type outputType,
    Map<String, Object> data,
    Map<String, Object> metadata,
    @JsonProperty("execution_count") Integer executionCount,
    String ename,
    String evalue,
    List<String> traceback) {

  /** What produced an output, named as nbformat names it. */
  public enum Type {
    /** The program asked to show something (a chart, a table). */
    @JsonProperty("display_data")
    DISPLAY_DATA("display_data"),
    /** The value of a cell's last expression. */
    @JsonProperty("execute_result")
    EXECUTE_RESULT("execute_result"),
    /** An error the program raised, with its traceback. */
    @JsonProperty("error")
    ERROR("error");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    /** Its name in nbformat and the JSON: {@code display_data}... */
    public String wireName() {
      return wireName;
    }
  }

  /**
   * @throws NullPointerException without a type
   * @throws IllegalArgumentException for a display or result without representations, a key that is
   *     not a MIME type, or an error without its name, message and traceback
   */
  public Output {
    Objects.requireNonNull(outputType, "outputType");
    data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    if (outputType == Type.ERROR) {
      if (ename == null || evalue == null || traceback == null || !data.isEmpty()) {
        throw new IllegalArgumentException(
            "an error output holds ename, evalue and traceback, and no data");
      }
      traceback = List.copyOf(traceback);
      executionCount = null;
    } else {
      if (data.isEmpty()) {
        throw new IllegalArgumentException("an output holds at least one representation");
      }
      if (ename != null || evalue != null || traceback != null) {
        throw new IllegalArgumentException("only an error output has ename, evalue and traceback");
      }
      if (outputType == Type.DISPLAY_DATA) {
        executionCount = null;
      }
    }
    for (Map.Entry<String, Object> e : data.entrySet()) {
      if (e.getKey() == null || e.getKey().indexOf('/') <= 0 || e.getValue() == null) {
        throw new IllegalArgumentException(
            "data maps a MIME type such as text/plain to its content, not '" + e.getKey() + "'");
      }
    }
  }

  /** A display of one or more representations ({@code display_data}). */
  public Output(Type outputType, Map<String, Object> data, Map<String, Object> metadata) {
    this(outputType, data, metadata, null, null, null, null);
  }

  /** Text to show, as a {@code display_data} of {@code text/plain}. */
  public static Output text(String text) {
    return new Output(Type.DISPLAY_DATA, Map.of("text/plain", text), Map.of());
  }

  /** An error: its type's name, its message and its traceback, a line an entry. */
  public static Output error(String ename, String evalue, List<String> traceback) {
    return new Output(Type.ERROR, Map.of(), Map.of(), null, ename, evalue, traceback);
  }

  /** The value of cell {@code count}'s last expression ({@code execute_result}). */
  public static Output result(int count, Map<String, Object> data, Map<String, Object> metadata) {
    return new Output(Type.EXECUTE_RESULT, data, metadata, count, null, null, null);
  }

  /** The same output with this data (representations replaced, e.g. redacted); not for errors. */
  public Output withData(Map<String, Object> value) {
    return new Output(outputType, value, metadata, executionCount, ename, evalue, traceback);
  }

  /** Writes only the fields nbformat defines for the output's type. */
  static final class Writer extends ValueSerializer<Output> {
    @Override
    public void serialize(Output o, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeStartObject();
      gen.writeName("output_type");
      ctxt.writeValue(gen, o.outputType());
      if (o.outputType() == Type.ERROR) {
        gen.writeStringProperty("ename", o.ename());
        gen.writeStringProperty("evalue", o.evalue());
        gen.writeName("traceback");
        ctxt.writeValue(gen, o.traceback());
      } else {
        if (o.executionCount() != null) {
          gen.writeNumberProperty("execution_count", o.executionCount());
        }
        gen.writeName("data");
        ctxt.writeValue(gen, o.data());
        gen.writeName("metadata");
        ctxt.writeValue(gen, o.metadata());
      }
      gen.writeEndObject();
    }
  }
}
