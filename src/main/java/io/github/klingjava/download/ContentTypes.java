package io.github.klingjava.download;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Content-type patterns ({@code image/*}) and the file extension each type gets. */
final class ContentTypes {

  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("image/png", "png"),
      Map.entry("image/jpeg", "jpg"),
      Map.entry("image/jpg", "jpg"),
      Map.entry("image/webp", "webp"),
      Map.entry("image/gif", "gif"),
      Map.entry("image/bmp", "bmp"),
      Map.entry("image/avif", "avif"),
      Map.entry("image/heic", "heic"),
      Map.entry("video/mp4", "mp4"),
      Map.entry("video/quicktime", "mov"),
      Map.entry("video/webm", "webm"),
      Map.entry("video/x-matroska", "mkv"),
      Map.entry("video/mpeg", "mpeg"),
      // video-facade (#10): audio results (TTS, text-to-audio, video-to-audio)
      Map.entry("audio/mpeg", "mp3"),
      Map.entry("audio/mp3", "mp3"),
      Map.entry("audio/wav", "wav"),
      Map.entry("audio/x-wav", "wav"),
      Map.entry("audio/wave", "wav"),
      Map.entry("audio/mp4", "m4a"),
      Map.entry("audio/aac", "aac"),
      Map.entry("application/octet-stream", "bin"));

  private ContentTypes() {
  }

  /**
   * @param contentType a header value such as {@code image/png; charset=binary}, or null
   * @return {@code type/subtype} in lower case, or null
   */
  static String essence(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return essence.isEmpty() ? null : essence.toLowerCase(Locale.ROOT);
  }

  /**
   * @param essence {@code type/subtype}, or null
   * @param patterns e.g. {@code image/*}, {@code video/mp4}, {@code *}{@code /*}
   * @return true when a pattern matches
   */
  static boolean matches(String essence, List<String> patterns) {
    if (essence == null) {
      return false;
    }
    for (String pattern : patterns) {
      String p = pattern.toLowerCase(Locale.ROOT);
      if (p.equals("*/*") || p.equals(essence)
          || (p.endsWith("/*") && essence.startsWith(p.substring(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param essence {@code type/subtype}
   * @return a well-known extension, else the subtype when it is short and plain, else "bin"
   */
  static String extension(String essence) {
    String known = EXTENSIONS.get(essence);
    if (known != null) {
      return known;
    }
    int slash = essence.indexOf('/');
    return SafeFileNames.extension(slash < 0 ? null : essence.substring(slash + 1));
  }
}
