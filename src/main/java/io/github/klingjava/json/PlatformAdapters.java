package io.github.klingjava.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.function.Function;

/**
 * Adapters for the JDK types the Java generator emits ({@code type: number} becomes BigDecimal,
 * {@code format: uri} URI, {@code date}/{@code date-time} java.time, {@code uuid} UUID). Moshi
 * refuses to serialize platform classes reflectively, so without these a request carrying such a
 * field would fail at run time.
 */
final class PlatformAdapters {

  private PlatformAdapters() {
  }

  /** A number adapter that keeps every digit; a quoted number is accepted too. */
  static JsonAdapter<BigDecimal> bigDecimal() {
    return new JsonAdapter<BigDecimal>() {
      @Override
      public BigDecimal fromJson(JsonReader reader) throws IOException {
        String path = reader.getPath(); // in an array, reading moves the path past the value
        String text = reader.nextString(); // Moshi returns a number's literal text here
        try {
          return new BigDecimal(text);
        } catch (NumberFormatException e) {
          throw new JsonDataException("Expected a number but was '" + text + "' at " + path, e);
        }
      }

      @Override
      public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
        writer.value(value);
      }
    }.nullSafe();
  }

  /** A type written as a JSON string. */
  static <T> JsonAdapter<T> text(Function<String, T> parse, Function<T, String> format) {
    return new JsonAdapter<T>() {
      @Override
      public T fromJson(JsonReader reader) throws IOException {
        String path = reader.getPath();
        String text = reader.nextString();
        try {
          return parse.apply(text);
        } catch (RuntimeException e) {
          throw new JsonDataException("Cannot read '" + text + "' at " + path, e);
        }
      }

      @Override
      public void toJson(JsonWriter writer, T value) throws IOException {
        writer.value(format.apply(value));
      }
    }.nullSafe();
  }

  /** Formats with an ISO formatter; used so that seconds are never dropped (RFC 3339 needs them). */
  static <T extends TemporalAccessor> Function<T, String> iso(DateTimeFormatter formatter) {
    return formatter::format;
  }
}
