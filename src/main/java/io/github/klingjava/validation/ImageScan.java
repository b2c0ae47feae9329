package io.github.klingjava.validation;

/**
 * The spec's ImageInput pattern, {@value CompiledPlan#IMAGE_INPUT_PATTERN}, as one pass over the
 * characters: a regex over 14 million Base64 characters costs ~190 ms, this scan a few. Used only
 * when the spec's pattern is exactly that text; {@code ImageScanTest} holds it to the regex.
 */
final class ImageScan {

  private static final boolean[] BASE64 = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      BASE64[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
          || c == '/';
    }
  }

  private ImageScan() {
  }

  /** @return whether the pattern matches: an http(s) URL without white space, or plain Base64 */
  static boolean matches(String s) {
    int n = s.length();
    int rest = prefix(s, "https://") ? 8 : prefix(s, "http://") ? 7 : -1;
    if (rest >= 0) {
      if (rest == n) {
        return false;
      }
      for (int i = rest; i < n; i++) {
        if (isEcmaSpace(s.charAt(i))) {
          return false;
        }
      }
      return true;
    }
    int i = 0;
    while (i < n && isBase64(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false; // also refuses data: (':' is outside the alphabet)
    }
    int pad = 0;
    while (i < n && s.charAt(i) == '=' && pad < 2) {
      i++;
      pad++;
    }
    return i == n;
  }

  private static boolean prefix(String s, String p) {
    if (s.length() < p.length()) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (s.charAt(i) != p.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static boolean isBase64(char c) {
    return c < 128 && BASE64[c];
  }

  /** ECMAScript's white space and line terminators, what {@code \s} matches there. */
  static boolean isEcmaSpace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' '
        || c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029
        || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
  }
}
