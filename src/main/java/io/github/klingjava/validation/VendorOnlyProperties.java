package io.github.klingjava.validation;

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
    Object owners = schema.get(KEYWORD);
    if (vendor == null || !(owners instanceof Map) || !KNOWN_VENDORS.contains(vendor)) {
      return;
    }
    Object properties = schema.get("properties");
    for (Map.Entry<?, ?> e : ((Map<?, ?>) owners).entrySet()) {
      String owner = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
      if (owner.equals(vendor) || !(e.getValue() instanceof List)) {
        continue;
      }
      for (Object name : (List<?>) e.getValue()) {
        String key = String.valueOf(name);
        Object declared = properties instanceof Map ? ((Map<?, ?>) properties).get(key) : null;
        Map<String, Object> resolved = declared == null ? null : resolve.apply(declared);
        if (!value.containsKey(key) || resolved != null && resolved.get("x-alias-of") != null) {
          continue; // not sent, or renamed on the wire by the vendor profile
        }
        String at = SchemaValidator.child(path, key);
        out.add(Violation.of(at, null, KEYWORD, "property " + key + " is documented by "
            + e.getKey() + " only, not by " + vendor + "; send it to " + e.getKey()
            + ", or use the name " + vendor + " documents"));
      }
    }
  }
}
