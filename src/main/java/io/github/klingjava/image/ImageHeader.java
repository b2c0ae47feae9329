package io.github.klingjava.image;

import java.io.IOException;

/**
 * Format and pixel size of an image, read from its header alone: the PNG signature and IHDR chunk,
 * or the JPEG SOI marker and the first SOFn frame header. Nothing is decoded and only the bytes
 * needed are read, so a large file costs a few small reads.
 */
final class ImageHeader {

  /** Random access to the bytes of an image (a file channel or an array). */
  interface Source {
    /** @return the total size in bytes */
    long size() throws IOException;

    /**
     * Reads up to {@code length} bytes at {@code position}; fewer only at the end.
     *
     * @return the number of bytes read, 0 at or past the end
     */
    int read(long position, byte[] into, int length) throws IOException;
  }

  enum Format {
    PNG, JPEG
  }

  private static final byte[] PNG_SIGNATURE = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  final Format format;
  /** Pixel size, or -1 when the header of a recognised format is truncated or corrupt. */
  final long width;
  final long height;

  private ImageHeader(Format format, long width, long height) {
    this.format = format;
    this.width = width;
    this.height = height;
  }

  boolean hasSize() {
    return width >= 0 && height >= 0;
  }

  /**
   * Reads the header.
   *
   * @return the header, or null when the content is neither PNG nor JPEG
   */
  static ImageHeader read(Source in) throws IOException {
    byte[] head = new byte[8];
    int n = in.read(0, head, 8);
    if (n >= 8 && startsWith(head, PNG_SIGNATURE)) {
      return png(in);
    }
    if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8
        && (head[2] & 0xFF) == 0xFF) {
      return jpeg(in);
    }
    return null;
  }

  /** The first bytes of the content in hex (for messages about unrecognised content). */
  static String leadingHex(Source in, int count) throws IOException {
    byte[] head = new byte[count];
    int n = in.read(0, head, count);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02X", head[i] & 0xFF));
    }
    return sb.toString();
  }

  /** Signature, then the IHDR chunk: length 13, "IHDR", width and height as unsigned 32-bit. */
  private static ImageHeader png(Source in) throws IOException {
    byte[] ihdr = new byte[16];
    if (in.read(8, ihdr, 16) < 16 || ihdr[4] != 'I' || ihdr[5] != 'H' || ihdr[6] != 'D'
        || ihdr[7] != 'R') {
      return new ImageHeader(Format.PNG, -1, -1);
    }
    return new ImageHeader(Format.PNG, u32(ihdr, 8), u32(ihdr, 12));
  }

  /**
   * Walks the marker segments after SOI until a start-of-frame (SOF0-3, 5-7, 9-11, 13-15: every
   * 0xC0-0xCF except DHT 0xC4, JPG 0xC8 and DAC 0xCC), whose body is precision (1 byte), height (2)
   * and width (2).
   */
  private static ImageHeader jpeg(Source in) throws IOException {
    long size = in.size();
    long pos = 2;
    byte[] b = new byte[1];
    byte[] seg = new byte[7];
    while (pos < size) {
      if (in.read(pos, b, 1) < 1 || (b[0] & 0xFF) != 0xFF) {
        break; // not at a marker: corrupt
      }
      while ((b[0] & 0xFF) == 0xFF) { // 0xFF fill bytes may precede a marker
        pos++;
        if (in.read(pos, b, 1) < 1) {
          return new ImageHeader(Format.JPEG, -1, -1);
        }
      }
      int marker = b[0] & 0xFF;
      pos++;
      if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
        continue; // standalone markers: TEM, RSTn, SOI
      }
      if (marker == 0xD9 || marker == 0xDA) {
        break; // end of image or start of scan before any frame header
      }
      if (in.read(pos, seg, 7) < 2) {
        break;
      }
      int length = ((seg[0] & 0xFF) << 8) | (seg[1] & 0xFF);
      if (length < 2) {
        break;
      }
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
          && marker != 0xCC;
      if (sof) {
        if (length < 7 || in.read(pos, seg, 7) < 7) {
          break;
        }
        long height = ((seg[3] & 0xFF) << 8) | (seg[4] & 0xFF);
        long width = ((seg[5] & 0xFF) << 8) | (seg[6] & 0xFF);
        return new ImageHeader(Format.JPEG, width, height);
      }
      pos += length;
    }
    return new ImageHeader(Format.JPEG, -1, -1);
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static long u32(byte[] b, int off) {
    return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16)
        | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
  }
}
