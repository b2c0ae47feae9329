package io.github.klingjava.json;

import java.util.Map;

/**
 * A model that carries JSON properties the spec does not (yet) declare. Every generated model
 * implements it: on a request, {@code putAdditionalProperty("sound", "off")} is sent verbatim
 * beside the declared fields; on a response, a property a server added is kept and readable with
 * {@link #getAdditionalProperties()} instead of being dropped.
 *
 * <pre>{@code
 * request.putAdditionalProperty("new_field", Map.of("enabled", true));
 * Object extra = response.getData().getAdditionalProperties().get("new_field");
 * }</pre>
 */
public interface AdditionalProperties {

  /**
   * Adds a property written after the declared ones. A name the model declares is not replaced
   * (set the field instead); numbers read from a server are {@link java.math.BigDecimal}s with
   * their exact JSON text, objects are {@code Map}s and arrays {@code List}s.
   *
   * @param name the JSON property name
   * @param value any value Moshi can write (null is written as JSON null)
   * @return this model
   */
  AdditionalProperties putAdditionalProperty(String name, Object value);

  /** @return the undeclared properties in JSON order (read only; empty when there are none) */
  Map<String, Object> getAdditionalProperties();
}
