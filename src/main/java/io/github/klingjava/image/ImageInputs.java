package io.github.klingjava.image;

import static io.github.klingjava.image.InlineImageRules.base64Problem;
import static io.github.klingjava.image.InlineImageRules.quote;
import static io.github.klingjava.image.InlineImageRules.urlProblem;

import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns local images into what the Kling API takes in its image fields ({@code image},
 * {@code image_tail}, {@code subject_image}, masks, ...) and checks them first, so that a bad input
 * fails here, with every problem named, instead of as a failed task later.
 *
 * <p>Kling's rules for an image: JPG/JPEG or PNG; at most 10 MB; at least 300 px wide and high;
 * aspect ratio (width:height) between 1:2.5 and 2.5:1; sent as an http(s) URL or as raw Base64
 * <em>without</em> a {@code data:} prefix (Kling answers 1201 "File is not in a valid base64
 * format" to a data URI).
 *
 * <p>Rule ids of the violations: {@code format}, {@code maxFileSize}, {@code minWidth},
 * {@code minHeight}, {@code aspectRatio} (file content), {@code url}, {@code dataPrefix},
 * {@code base64} (strings).
 */
public final class ImageInputs {

  /** Largest accepted file: 10 MB, read as 10 MiB (10,485,760 bytes). */
  public static final long MAX_BYTES = 10L * 1024 * 1024;
  /** Smallest accepted width and height, in pixels. */
  public static final int MIN_SIDE = 300;

  private static final String INLINE = "Inline image";
  private static final String URL = "Image URL";

  private ImageInputs() {
  }

  /**
   * Reads a local JPEG or PNG, checks it against Kling's image rules and returns its content as raw
   * Base64 (standard alphabet, padded, no {@code data:} prefix), ready for an image field.
   *
   * <p>The format is judged by content (magic bytes), never by the file extension; the pixel size
   * comes from the PNG IHDR chunk or the JPEG frame header, without decoding the image.
   *
   * @param file the image file
   * @return the file's content as raw Base64
   * @throws KlingValidationException naming the file (by its name only) with every broken rule:
   *     not JPEG/PNG, larger than {@link #MAX_BYTES}, narrower or lower than {@link #MIN_SIDE},
   *     aspect ratio outside 1:2.5 to 2.5:1
   * @throws UncheckedIOException when the file cannot be read
   */
  public static String fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] content;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() > MAX_BYTES) { // too large to load: judge its header where it lies
        throw new KlingValidationException(name,
            ImageContentRules.inspect(name, new ImageSources.ChannelSource(channel)));
      }
      content = readAll(channel);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the image " + name, e);
    }
    return fromBytes(name, content); // the bytes read are the bytes checked and encoded
  }

  /**
   * A reference to a local JPEG or PNG for an image field, for big images: the file's header and
   * size are checked now (the same rules as {@link #fromFile(Path)}), its content is read and
   * Base64-encoded only while the request body is written, straight into the connection, and read
   * again on a retry. The returned token is only meaningful to this client's calls.
   *
   * <pre>{@code
   * client.imageToVideo().submit(new ImageToVideoRequest().image(ImageInputs.file(Path.of("big.png"))));
   * }</pre>
   *
   * @param file the image file
   * @return a reference to put into an image field
   * @throws KlingValidationException naming the file with every broken rule
   * @throws UncheckedIOException when the file cannot be read
   */
  public static String file(Path file) {
    return ImageFiles.reference(file);
  }

  private static byte[] readAll(FileChannel channel) throws IOException {
    // a file that shrinks meanwhile ends early; one that grows is cut at its size when opened
    ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
    int read = 0;
    while (buffer.hasRemaining() && read >= 0) {
      read = channel.read(buffer);
    }
    return buffer.position() == buffer.capacity() ? buffer.array()
        : Arrays.copyOf(buffer.array(), buffer.position());
  }

  /**
   * Like {@link #fromFile(Path)} for an image already in memory.
   *
   * @param name a name for messages (e.g. the original file name)
   * @param content the image bytes
   * @return the content as raw Base64
   * @throws KlingValidationException naming {@code name} with every broken rule
   */
  public static String fromBytes(String name, byte[] content) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    List<Violation> violations;
    try {
      violations = ImageContentRules.inspect(name, new ImageSources.ArraySource(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen for an array
    }
    if (!violations.isEmpty()) {
      throw new KlingValidationException(name, violations);
    }
    return Base64.getEncoder().encodeToString(content);
  }

  /**
   * Checks that a string is an absolute http or https URL with a host and no white space, and
   * returns it unchanged. Whether it can be downloaded is not checked.
   *
   * @param url the URL
   * @return {@code url}
   * @throws KlingValidationException (rule {@code url}) when it is not such a URL
   */
  public static String fromUrl(String url) {
    Objects.requireNonNull(url, "url");
    List<Violation> violations = new ArrayList<>();
    checkUrl(url, violations);
    if (!violations.isEmpty()) {
      throw new KlingValidationException(URL, violations);
    }
    return url;
  }

  /**
   * Checks a string about to be sent in an image field and returns it unchanged: it must be an
   * http(s) URL (see {@link #fromUrl(String)}) or raw Base64 (standard alphabet, length a multiple
   * of 4, at most two {@code =} at the end, no white space), and must not start with a
   * {@code data:} prefix.
   *
   * @param value the URL or Base64 string
   * @return {@code value}
   * @throws KlingValidationException (rule {@code dataPrefix}, {@code url} or {@code base64})
   */
  public static String checkInline(String value) {
    Objects.requireNonNull(value, "value");
    List<Violation> violations = new ArrayList<>();
    String lower = value.length() > 16 ? value.substring(0, 16).toLowerCase(Locale.ROOT)
        : value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("data:")) {
      int comma = value.indexOf(',');
      String prefix = comma > 0 ? " (" + quote(value.substring(0, comma + 1)) + ")" : "";
      violations.add(violation("$", quote(value), "dataPrefix", quote(value)
          + " starts with a data: prefix" + prefix
          + "; send the raw Base64 after the comma (Kling answers 1201 \"File is not in a valid"
          + " base64 format\" otherwise)"));
    } else if (lower.startsWith("http://") || lower.startsWith("https://")
        || value.contains("://")) {
      checkUrl(value, violations);
    } else {
      String problem = base64Problem(value);
      if (problem != null) {
        violations.add(violation("$", quote(value), "base64", quote(value)
            + " is neither an http(s) URL nor valid Base64: " + problem));
      }
    }
    if (!violations.isEmpty()) {
      throw new KlingValidationException(INLINE, violations);
    }
    return value;
  }

  private static void checkUrl(String url, List<Violation> out) {
    String problem = urlProblem(url);
    if (problem != null) {
      out.add(violation("$", quote(url), "url", quote(url) + " is not a usable image URL: "
          + problem));
    }
  }

  private static Violation violation(String path, String shownValue, String rule,
      String description) {
    return Violation.of(path, shownValue, rule, description);
  }

  // trust (#8): the end frame. Kling states the 1:2.5-2.5:1 aspect rule for start frames and
  // source images, not for image_tail ("<= 10 MB, >= 300 px"), so a wide end frame is not refused.

  /**
   * Like {@link #fromFile(Path)} for an image-to-video end frame ({@code image_tail}): every rule
   * except the aspect ratio, which Kling does not state for end frames.
   *
   * <pre>{@code
   * request.imageTail(ImageInputs.endFrameFromFile(Path.of("last.png")));
   * }</pre>
   *
   * @param file the image file
   * @return the file's content as raw Base64
   * @throws KlingValidationException naming the file with every broken rule but the aspect ratio
   * @throws UncheckedIOException when the file cannot be read
   */
  public static String endFrameFromFile(Path file) {
    try {
      return fromFile(file);
    } catch (KlingValidationException e) {
      List<Violation> rest = e.violations().stream()
          .filter(v -> !"aspectRatio".equals(v.rule())).toList();
      if (!rest.isEmpty() || e.violations().isEmpty()) {
        throw rest.size() == e.violations().size() ? e
            : new KlingValidationException(String.valueOf(file.getFileName()), rest);
      }
      try {
        return Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(file));
      } catch (IOException io) {
        throw new UncheckedIOException("Cannot read the image " + file.getFileName(), io);
      }
    }
  }
}
