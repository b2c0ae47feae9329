package io.github.klingjava.image;

import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * The checked image files behind {@link ImageInputs#file(Path)}: each is known by a token put in
 * the image field, so the generated models keep their {@code String} fields. A token lives as long
 * as the string put in the model (weakly held), and only the client's body writer turns it into
 * the file's Base64.
 */
public final class ImageFiles {

  /** Starts every token; the ':' keeps it from ever passing as Base64 or a URL by accident. */
  static final String PREFIX = "kling-image-file:";
  private static final Map<String, CheckedFile> FILES =
      Collections.synchronizedMap(new WeakHashMap<>());
  private static volatile boolean used;

  private ImageFiles() {
  }

  /** A file whose header and size were checked: where it is and how long its Base64 will be. */
  public record CheckedFile(Path path, long size) {
    /** @return the length of the file's padded Base64 */
    public long base64Length() {
      return (size + 2) / 3 * 4;
    }
  }

  static String reference(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    long size;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      List<Violation> violations = ImageContentRules.inspect(name, new ImageSources.ChannelSource(channel));
      if (!violations.isEmpty()) {
        throw new KlingValidationException(name, violations);
      }
      size = channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the image " + name, e);
    }
    String token = new String(PREFIX + UUID.randomUUID()); // a fresh instance: the weak key
    FILES.put(token, new CheckedFile(file.toAbsolutePath(), size));
    used = true;
    return token;
  }

  /**
   * @param value a value of an image field
   * @return whether it is a token of {@link ImageInputs#file(Path)} (its file checked already)
   */
  public static boolean isCheckedReference(String value) {
    return used && value.startsWith(PREFIX) && FILES.containsKey(value);
  }

  /** @return the checked file of a token, or null */
  public static CheckedFile lookup(String token) {
    return used ? FILES.get(token) : null;
  }

  /** @return whether any file reference was ever made (else no body needs to be searched) */
  public static boolean anyReferences() {
    return used;
  }

  /** @return the bytes every token starts with */
  public static String tokenPrefix() {
    return PREFIX;
  }
}
