package io.github.klingjava.vendor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Everything the client must know about one vendor: host and path prefix, the credentials it takes, and the
 * quirks its documentation records. Use a predefined profile, or {@link #custom(String)} for any other
 * host (a pass-through reseller, a local mock):
 *
 * <pre>{@code
 * VendorProfile comet = VendorProfile.cometApi();
 * VendorProfile mock = VendorProfile.custom("http://127.0.0.1:4010");
 * VendorProfile stub = VendorProfile.cometApi().withBaseUrl("http://127.0.0.1:8089/kling");
 * }</pre>
 */
public final class VendorProfile {
  private final String id;
  private final String displayName;
  private final HttpUrl baseUrl;
  private final AuthKind authKind;
  private final Set<TaskFamily> knownUnavailable;
  private final Map<TaskFamily, Map<String, String>> wireRenames;
  private final Map<TaskFamily, Map<String, Object>> wireDefaults;

  private VendorProfile(Builder b) {
    this.id = b.id;
    this.displayName = b.displayName;
    this.baseUrl = b.baseUrl;
    this.authKind = b.authKind;
    this.knownUnavailable = Collections.unmodifiableSet(EnumSet.copyOf(b.knownUnavailable));
    this.wireRenames = freeze(b.wireRenames);
    this.wireDefaults = freeze(b.wireDefaults);
  }

  private static final String DOWN = "down_expansion_ratio";
  /**
   * CometAPI's name of {@link #DOWN} (spec: {@code x-vendor-only: [cometapi]}, {@code x-alias-of}); the
   * other known vendors' profiles rename it back, so it never reaches their hosts.
   */
  private static final String BOTTOM = "bottom_expansion_ratio";

  /**
   * CometAPI: Bearer key, every route under {@code /kling}. Its expand page documents
   * {@code bottom_expansion_ratio} for Kling's {@code down_expansion_ratio} and says the route answers 404;
   * its image-to-video and old image-generation pages document prompt limits of 500/200 characters.
   */
  public static VendorProfile cometApi() {
    return new Builder("cometapi", "CometAPI", "https://api.cometapi.com/kling", AuthKind.API_KEY)
        .unavailable(TaskFamily.IMAGE_EXPANSION)
        .rename(TaskFamily.IMAGE_EXPANSION, DOWN, BOTTOM)
        .build();
  }

  /** AnyAPI: Bearer key, routes under {@code /kling}; its expand export lists {@code n} as required. */
  public static VendorProfile anyApi() {
    return new Builder("anyapi", "AnyAPI", "https://www.anyapi.vip/kling", AuthKind.API_KEY)
        .defaultValue(TaskFamily.IMAGE_EXPANSION, "n", 1)
        .rename(TaskFamily.IMAGE_EXPANSION, BOTTOM, DOWN)
        .build();
  }

  /** Kling's global host; no {@code /kling} prefix; an API key or access key + secret key. */
  public static VendorProfile klingSingapore() {
    return new Builder("kling-singapore", "Kling (Singapore)", "https://api-singapore.klingai.com",
        AuthKind.API_KEY_OR_ACCESS_KEY).rename(TaskFamily.IMAGE_EXPANSION, BOTTOM, DOWN).build();
  }

  /** Kling's mainland-China host; no {@code /kling} prefix; an API key or access key + secret key. */
  public static VendorProfile klingBeijing() {
    return new Builder("kling-beijing", "Kling (Beijing)", "https://api-beijing.klingai.com",
        AuthKind.API_KEY_OR_ACCESS_KEY).rename(TaskFamily.IMAGE_EXPANSION, BOTTOM, DOWN).build();
  }

  /**
   * Any other host that serves the spec's routes below {@code baseUrl} (include a prefix such as
   * {@code /kling} when the host has one). No quirks; any credential kind.
   */
  public static VendorProfile custom(String baseUrl) {
    Builder b = new Builder("custom", null, baseUrl, AuthKind.API_KEY_OR_ACCESS_KEY);
    return b.named("Custom (" + redacted(b.baseUrl) + ")").build();
  }

  /** The same vendor, quirks and all, at another address: a stand-in, a proxy, a regional mirror. */
  public VendorProfile withBaseUrl(String newBaseUrl) {
    Builder b = new Builder(id, displayName, newBaseUrl, authKind);
    b.knownUnavailable.addAll(knownUnavailable);
    wireRenames.forEach((family, renames) -> renames.forEach((from, to) -> b.rename(family, from, to)));
    wireDefaults.forEach((family, defaults) -> defaults.forEach((name, value) -> b.defaultValue(family, name, value)));
    return b.build();
  }

  /** Stable id; also the key of the spec's {@code x-vendor-constraints} for this vendor. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** Base URL including any path prefix, always ending with {@code /}. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public AuthKind authKind() {
    return authKind;
  }

  /** Whether the vendor's own documentation says this family's route is not served. */
  public boolean isKnownUnavailable(TaskFamily family) {
    return knownUnavailable.contains(family);
  }

  /** Spec property name to the name this vendor documents on the wire, for one family's submit body. */
  public Map<String, String> wireRenames(TaskFamily family) {
    return wireRenames.getOrDefault(family, Map.of());
  }

  /** Properties this vendor requires although the spec makes them optional, with the value to send. */
  public Map<String, Object> wireDefaults(TaskFamily family) {
    return wireDefaults.getOrDefault(family, Map.of());
  }

  @Override
  public String toString() {
    return displayName + " <" + redacted(baseUrl) + ">";
  }

  /** The URL for messages: user info dropped, because a proxy URL may carry a password. */
  private static String redacted(HttpUrl url) {
    return url.newBuilder().username("").password("").build().toString();
  }

  private static <V> Map<TaskFamily, Map<String, V>> freeze(Map<TaskFamily, Map<String, V>> source) {
    Map<TaskFamily, Map<String, V>> copy = new EnumMap<>(TaskFamily.class);
    source.forEach((family, map) -> copy.put(family, Collections.unmodifiableMap(new LinkedHashMap<>(map))));
    return Collections.unmodifiableMap(copy);
  }

  private static final class Builder {
    private final String id;
    private String displayName;
    private final HttpUrl baseUrl;
    private final AuthKind authKind;
    private final Set<TaskFamily> knownUnavailable = EnumSet.noneOf(TaskFamily.class);
    private final Map<TaskFamily, Map<String, String>> wireRenames = new EnumMap<>(TaskFamily.class);
    private final Map<TaskFamily, Map<String, Object>> wireDefaults = new EnumMap<>(TaskFamily.class);

    Builder(String id, String displayName, String baseUrl, AuthKind authKind) {
      this.id = id;
      this.displayName = displayName;
      this.baseUrl = parseBaseUrl(baseUrl);
      this.authKind = authKind;
    }

    Builder named(String name) {
      this.displayName = name;
      return this;
    }

    Builder unavailable(TaskFamily family) {
      knownUnavailable.add(family);
      return this;
    }

    Builder rename(TaskFamily family, String specName, String wireName) {
      wireRenames.computeIfAbsent(family, f -> new LinkedHashMap<>()).put(specName, wireName);
      return this;
    }

    Builder defaultValue(TaskFamily family, String name, Object value) {
      wireDefaults.computeIfAbsent(family, f -> new LinkedHashMap<>()).put(name, value);
      return this;
    }

    VendorProfile build() {
      return new VendorProfile(this);
    }
  }

  private static HttpUrl parseBaseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String withSlash = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    HttpUrl url = HttpUrl.parse(withSlash);
    if (url == null) {
      // The value is not echoed: a mistyped URL may still carry credentials.
      throw new IllegalArgumentException("baseUrl: must be an absolute http(s) URL");
    }
    if (url.query() != null) {
      throw new IllegalArgumentException("baseUrl: must not carry a query string (" + redacted(url.newBuilder().query(null).build()) + "?…)");
    }
    return url;
  }
}
