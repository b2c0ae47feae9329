package io.github.klingjava.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sets {@code User-Agent: kling-java/<version> (Java <java.version>)} on every request, so that
 * vendors' logs tell this client and its version apart when a support case needs it.
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(UserAgentInterceptor.create())
 *     .build();
 * }</pre>
 *
 * <p>The version comes from {@code io/github/klingjava/version.properties}, which the build fills
 * in by resource filtering; an unfiltered or missing file gives "dev". Thread-safe.
 */
public final class UserAgentInterceptor implements Interceptor {

  private static final String VERSION_RESOURCE = "/io/github/klingjava/version.properties";
  private static final String FALLBACK_VERSION = "dev";

  private final String userAgent;

  private UserAgentInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  /** @return the interceptor for this library's version and the running JVM */
  public static UserAgentInterceptor create() {
    return new UserAgentInterceptor("kling-java/" + libraryVersion() + " (Java "
        + printable(System.getProperty("java.version", "unknown")) + ")");
  }

  /** @return the header value this interceptor sends */
  public String userAgent() {
    return userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
  }

  @Override
  public String toString() {
    return "UserAgentInterceptor{" + userAgent + "}";
  }

  static String libraryVersion() {
    try (InputStream in = UserAgentInterceptor.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        return FALLBACK_VERSION;
      }
      Properties properties = new Properties();
      properties.load(in);
      return versionFrom(properties);
    } catch (IOException | IllegalArgumentException e) {
      return FALLBACK_VERSION;
    }
  }

  /** An unfiltered file still says {@code ${project.version}}: that is not a version. */
  static String versionFrom(Properties properties) {
    String version = properties.getProperty("version", "").strip();
    return version.isEmpty() || version.contains("${") ? FALLBACK_VERSION : printable(version);
  }

  /** Header values must be printable ASCII; a JVM vendor string need not be. */
  private static String printable(String text) {
    return text.replaceAll("[^\\x21-\\x7e]", "_");
  }
}
