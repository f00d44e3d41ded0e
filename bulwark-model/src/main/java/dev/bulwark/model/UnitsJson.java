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
  private static final String TEXT = "must be a string such as \"30s\" or \"512m\"";

  private UnitsJson() {}

  static final class DurationWriter extends ValueSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(Units.formatDuration(value));
    }
  }

  static final class DurationReader extends ValueDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
      String text = text(this, p, ctxt);
      try {
        return Units.parseDuration(text);
      } catch (IllegalArgumentException e) {
        return ctxt.reportInputMismatch(this, "%s", e.getMessage());
      }
    }
  }

  static final class SizeWriter extends ValueSerializer<Long> {
    @Override
    public void serialize(Long value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(Units.formatSize(value));
    }
  }

  static final class SizeReader extends ValueDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) {
      String text = text(this, p, ctxt);
      try {
        return Units.parseSize(text);
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

  private static String text(ValueDeserializer<?> reader, JsonParser p, DeserializationContext c) {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return c.reportInputMismatch(reader, TEXT);
    }
    return p.getString();
  }
}
