package io.github.klingjava.image;

import static io.github.klingjava.image.ImageInputs.MAX_BYTES;
import static io.github.klingjava.image.ImageInputs.MIN_SIDE;

import io.github.klingjava.validation.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kling's rules for an image file's content (format by magic bytes, file size, pixel size, aspect
 * ratio), judged from its header alone, for {@link ImageInputs} and {@link ImageFiles} alike, so a
 * file checked now and one read while sending break the same rules with the same words.
 */
final class ImageContentRules {

  private ImageContentRules() {
  }

  /** Every rule the content breaks; empty when it is a usable image. */
  static List<Violation> inspect(String name, ImageHeader.Source in) throws IOException {
    List<Violation> out = new ArrayList<>();
    long size = in.size();
    ImageHeader header = ImageHeader.read(in);
    if (header == null) {
      String hex = ImageHeader.leadingHex(in, 8);
      out.add(Violation.of(name, hex.isEmpty() ? "empty" : hex, "format", size == 0
          ? "the file is empty, not a JPEG or PNG image"
          : "the content is not a JPEG or PNG image (it starts with " + hex + "; JPEG starts with"
              + " FF D8 FF, PNG with 89 50 4E 47 0D 0A 1A 0A, whatever the file name says)"));
    } else if (!header.hasSize()) {
      out.add(Violation.of(name, header.format.name(), "format", "the " + header.format
          + " header is truncated or corrupt: no image size found"));
    }
    if (size > MAX_BYTES) {
      out.add(Violation.of(name, size + " bytes", "maxFileSize", "the file has " + size
          + " bytes (" + megabytes(size) + "), more than the maximum 10 MB (" + MAX_BYTES
          + " bytes)"));
    }
    if (header != null && header.hasSize()) {
      long w = header.width;
      long h = header.height;
      if (w < MIN_SIDE) {
        out.add(Violation.of(name, w + " px", "minWidth", "the width " + w
            + " px is below the minimum " + MIN_SIDE + " px"));
      }
      if (h < MIN_SIDE) {
        out.add(Violation.of(name, h + " px", "minHeight", "the height " + h
            + " px is below the minimum " + MIN_SIDE + " px"));
      }
      // 1:2.5 <= w:h <= 2.5:1, in integers: 2w <= 5h and 2h <= 5w
      if (w > 0 && h > 0 && (2 * w > 5 * h || 2 * h > 5 * w)) {
        out.add(Violation.of(name, w + "x" + h, "aspectRatio", "the aspect ratio of " + w + "x" + h
            + " px (" + ratio(w, h) + ") is outside 1:2.5 to 2.5:1"));
      }
    }
    return out;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  private static String ratio(long w, long h) {
    return w >= h ? String.format(Locale.ROOT, "%.2f:1", (double) w / h)
        : String.format(Locale.ROOT, "1:%.2f", (double) h / w);
  }
}
