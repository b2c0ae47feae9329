package io.github.klingjava.download;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * File names built only from characters that cannot escape a directory on any file system:
 * ASCII letters, digits, '-' and '_', plus one '.' before the extension. Whatever a server puts
 * into a task id, a video id or a URL, the result stays a plain name inside the target directory.
 */
final class SafeFileNames {

  private static final int MAX_PART = 80;

  private SafeFileNames() {
  }

  /**
   * @param raw any text, e.g. a task id
   * @return a non-empty part made of {@code [A-Za-z0-9_-]}; long input is cut and given a hash
   *     suffix so two long ids that share a prefix still differ
   */
  static String part(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "unnamed";
    }
    StringBuilder safe = new StringBuilder(Math.min(raw.length(), MAX_PART));
    raw.codePoints().forEach(c -> safe.append(isSafe(c) ? (char) c : '_'));
    if (safe.length() <= MAX_PART) {
      return safe.toString();
    }
    return safe.substring(0, MAX_PART - 9) + '-' + shortHash(raw);
  }

  /**
   * @param extension e.g. "png"; anything else than 1-8 lower-case letters or digits becomes "bin"
   * @return the extension to use
   */
  static String extension(String extension) {
    return extension != null && extension.matches("[a-z0-9]{1,8}") ? extension : "bin";
  }

  /**
   * Resolves a name inside a directory and proves it stayed there.
   *
   * @param directory an absolute, normalised directory
   * @param name a name from {@link #part} and {@link #extension}
   * @return the file path
   */
  static Path resolve(Path directory, String name) {
    Path file = directory.resolve(name).normalize();
    if (!directory.equals(file.getParent())) {
      // Unreachable with names built here; kept so a future change cannot open a hole silently.
      throw new IllegalArgumentException("file name escapes the target directory");
    }
    return file;
  }

  private static boolean isSafe(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_';
  }

  private static String shortHash(String raw) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(raw.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
