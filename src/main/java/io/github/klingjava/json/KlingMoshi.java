package io.github.klingjava.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The Moshi configuration the client uses for the generated models.
 *
 * <p>What the wire format gets, measured by {@code KlingMoshiTest} rather than assumed:
 * <ul>
 *   <li>field names come from each field's {@code @Json(name = ...)}, i.e. the spec's snake_case;</li>
 *   <li>null fields are left out of the JSON (Moshi's default, kept on purpose);</li>
 *   <li>unknown JSON fields are kept in the model's {@link AdditionalProperties} (numbers as exact
 *       {@code BigDecimal}s), and a model's additional properties are written after its declared
 *       fields; an adapter from {@link #strict(Class)} fails on unknown fields instead;</li>
 *   <li>type leniency is Moshi's own: a number is accepted where a string is expected (a
 *       {@code "duration": 5} reads as "5") and a quoted number where an int or long is expected;
 *       JSON syntax itself stays strict (no comments, NaN or unquoted names);</li>
 *   <li>open enums ({@link WireEnum}) keep unknown values instead of failing.</li>
 * </ul>
 * Only reflection on plain Java fields is used: no Kotlin reflection adapter is installed.
 */
public final class KlingMoshi {

  private static final Moshi SHARED = create();

  private KlingMoshi() {
  }

  /**
   * Builds the Moshi instance for the generated models. Extend it with {@code newBuilder()}.
   *
   * @return a new, immutable Moshi
   */
  public static Moshi create() {
    return new Moshi.Builder()
        .add(new WireEnumAdapterFactory())
        .add(new AdditionalPropertiesAdapterFactory())
        .add(BigDecimal.class, PlatformAdapters.bigDecimal())
        .add(URI.class, PlatformAdapters.text(URI::create, URI::toString))
        .add(OffsetDateTime.class, PlatformAdapters.text(OffsetDateTime::parse,
            PlatformAdapters.iso(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
        .add(LocalDate.class, PlatformAdapters.text(LocalDate::parse, LocalDate::toString))
        .add(UUID.class, PlatformAdapters.text(UUID::fromString, UUID::toString))
        .build();
  }

  /**
   * An adapter that fails on any JSON field the model does not declare, at any depth: the
   * contract tests use it to catch drift between the spec and what a server sends.
   *
   * @param type the model class
   * @param <T> the model type
   * @return a strict adapter
   */
  public static <T> JsonAdapter<T> strict(Class<T> type) {
    return SHARED.adapter(type).failOnUnknown();
  }

  /**
   * Like {@link #strict(Class)} for a parameterized type such as {@code List<Video>}.
   *
   * @param type the type, e.g. from {@code Types.newParameterizedType}
   * @param <T> the Java type
   * @return a strict adapter
   */
  public static <T> JsonAdapter<T> strict(Type type) {
    return SHARED.<T>adapter(type).failOnUnknown();
  }
}
