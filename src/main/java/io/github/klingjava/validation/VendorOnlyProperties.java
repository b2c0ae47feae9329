package io.github.klingjava.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An object schema's {@code x-vendor-only: {vendor: [property, ...]}}: names one vendor documents
 * and the others do not (CometAPI's {@code scence_image} and {@code subject_image_list} on the image
 * generation route, its {@code bottom_expansion_ratio}). Sent to another known vendor, such a
 * property is refused, naming the vendor it belongs to, unless the property's schema has a rename
 * ({@code x-alias-of}), which the vendor profile then applies on the wire. Without a vendor, or
 * for a vendor the spec's vendor rules do not know (a custom host), nothing is checked.
 */
final class VendorOnlyProperties {

  /** The spec keyword. */
  static final String KEYWORD = "x-vendor-only";

  /** Vendors the spec's vendor rules know; a profile's id other than these is not judged. */
  private static final List<String> KNOWN_VENDORS =
      List.of("cometapi", "anyapi", "kling-singapore", "kling-beijing");

  private VendorOnlyProperties() {
  }

  /**
   * @param schema the object schema
   * @param value the object
   * @param vendor the normalised vendor id, or null
   * @param path the object's JSON path
   * @param resolve resolves a property schema ({@code $ref}s followed)
   * @param out where violations go
   */
  static void check(Map<String, Object> schema, Map<String, Object> value, String vendor,
      String path, Function<Object, Map<String, Object>> resolve, List<Violation> out) {
    for (Map.Entry<String, String> e : refused(schema, vendor, resolve).entrySet()) {
      String key = e.getKey();
      if (value.containsKey(key)) {
        String owner = e.getValue();
        out.add(Violation.of(SchemaValidator.child(path, key), null, KEYWORD, "property " + key
            + " is documented by " + owner + " only, not by " + vendor + "; send it to " + owner
            + ", or use the name " + vendor + " documents"));
      }
    }
  }

  /**
   * The properties of an object schema that {@code vendor} must not be sent (the compiled plan and
   * the interpreter share this one reading of the keyword).
   *
   * @param schema the object schema
   * @param vendor the normalised vendor id, or null
   * @param resolve resolves a property schema ({@code $ref}s followed)
   * @return property name to the vendor that documents it; empty without a known vendor
   */
  static Map<String, String> refused(Map<String, Object> schema, String vendor,
      Function<Object, Map<String, Object>> resolve) {
    Object owners = schema.get(KEYWORD);
    if (vendor == null || !(owners instanceof Map) || !KNOWN_VENDORS.contains(vendor)) {
      return Map.of();
    }
    Object properties = schema.get("properties");
    Map<String, String> refused = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) owners).entrySet()) {
      String owner = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
      if (owner.equals(vendor) || !(e.getValue() instanceof List)) {
        continue;
      }
      for (Object name : (List<?>) e.getValue()) {
        String key = String.valueOf(name);
        Object declared = properties instanceof Map ? ((Map<?, ?>) properties).get(key) : null;
        Map<String, Object> resolved = declared == null ? null : resolve.apply(declared);
        if (resolved == null || resolved.get("x-alias-of") == null) { // an alias is renamed on the wire
          refused.put(key, String.valueOf(e.getKey()));
        }
      }
    }
    return refused;
  }
}
