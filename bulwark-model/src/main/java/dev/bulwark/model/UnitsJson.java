package dev.bulwark.model;

import java.time.Duration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * The JSON form of sizes and durations: strings of the {@link Units} grammar ({@code "30s"}, {@code
 * "512m"}), never bare numbers whose unit a reader would have to guess. Numbers are read only from
 * JSON numbers, never from strings. A bad value is a mismatch whose path names the field.
 */
final class UnitsJson {
  private UnitsJson() {}

  static final class DurationWriter extends ValueSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(Units.formatDuration(value));
    }
  }

  static final class DurationReader extends TextReader<Duration> {
    @Override
    Duration parse(String text) {
      return Units.parseDuration(text);
    }
  }

  static final class SizeWriter extends ValueSerializer<Long> {
    @Override
    public void serialize(Long value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(Units.formatSize(value));
    }
  }

  static final class SizeReader extends TextReader<Long> {
    @Override
    Long parse(String text) {
      return Units.parseSize(text);
    }
  }

  /** A value from a string of the grammar; the grammar's refusal is the mismatch's message. */
  private abstract static class TextReader<T> extends ValueDeserializer<T> {
    /**
     * @throws IllegalArgumentException when the text is not of the grammar
     */
    abstract T parse(String text);

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return ctxt.reportInputMismatch(this, "must be a string such as \"30s\" or \"512m\"");
      }
      try {
        return parse(p.getString());
      } catch (IllegalArgumentException e) {
        return ctxt.reportInputMismatch(this, "%s", e.getMessage());
      }
    }
  }

  /** A number, from a JSON number only. */
  static final class NumberReader extends ValueDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.currentToken().isNumeric()) {
        return ctxt.reportInputMismatch(this, "must be a number");
      }
      return p.getDoubleValue();
    }
  }

  /**
   * A count, from a JSON number only: a fraction is cut and a number beyond an int's range is the
   * nearest int, which the limits' own bounds then judge.
   */
  static final class CountReader extends ValueDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.currentToken().isNumeric()) {
        return ctxt.reportInputMismatch(this, "must be a number");
      }
      return (int) p.getDoubleValue();
    }
  }
}
