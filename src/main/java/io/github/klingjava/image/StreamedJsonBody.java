package io.github.klingjava.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.ByteString;

/**
 * A JSON request body whose image-file tokens ({@link ImageInputs#file}) are replaced, while the
 * body is written, by the files' Base64: read in 48 KiB chunks and encoded straight into the
 * connection, so a 10 MB image never sits in the heap. The length is known in advance (JSON bytes
 * plus each file's Base64 length), and every write (a retry) reads the files again.
 */
public final class StreamedJsonBody extends RequestBody {
  private static final int CHUNK = 3 * 16 * 1024;
  private static final int TOKEN_LENGTH = ImageFiles.PREFIX.length() + 36;
  private static final ByteString PREFIX = ByteString.encodeUtf8("\"" + ImageFiles.PREFIX);

  private final MediaType type;
  private final List<Object> parts; // ByteString or ImageFiles.CheckedFile, in order
  private final long length;

  private StreamedJsonBody(MediaType type, List<Object> parts) {
    this.type = type;
    this.parts = parts;
    long n = 0;
    for (Object p : parts) {
      n += p instanceof ByteString ? ((ByteString) p).size()
          : ((ImageFiles.CheckedFile) p).base64Length();
    }
    this.length = n;
  }

  /**
   * The body for JSON just written: as is when it holds no file token, else streamed.
   *
   * @param type the media type
   * @param json the JSON
   * @return the body
   */
  public static RequestBody of(MediaType type, ByteString json) {
    if (!ImageFiles.anyReferences() || json.indexOf(PREFIX) < 0) {
      return RequestBody.create(json, type);
    }
    List<Object> parts = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = json.indexOf(PREFIX, from)) >= 0) {
      int end = at + 1 + TOKEN_LENGTH;
      ImageFiles.CheckedFile file = json.size() > end && json.getByte(end) == '"'
          ? ImageFiles.lookup(json.substring(at + 1, end).utf8()) : null;
      if (file == null) { // the prefix inside some other text: keep it
        parts.add(json.substring(from, at + 1));
        from = at + 1;
        continue;
      }
      parts.add(json.substring(from, at + 1)); // up to and with the opening quote
      parts.add(file);
      from = end;
    }
    parts.add(json.substring(from));
    return new StreamedJsonBody(type, parts);
  }

  @Override
  public MediaType contentType() {
    return type;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    for (Object p : parts) {
      if (p instanceof ByteString) {
        sink.write((ByteString) p);
      } else {
        writeBase64((ImageFiles.CheckedFile) p, sink);
      }
    }
  }

  private static void writeBase64(ImageFiles.CheckedFile file, BufferedSink sink)
      throws IOException {
    Base64.Encoder encoder = Base64.getEncoder();
    byte[] raw = new byte[CHUNK];
    byte[] encoded = new byte[CHUNK / 3 * 4];
    long total = 0;
    try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.wrap(raw);
      while (true) {
        buffer.clear();
        int n = 0;
        while (buffer.hasRemaining() && (n = channel.read(buffer)) >= 0) {
          // fill the chunk: only a full multiple of 3 bytes may be encoded mid-stream
        }
        int filled = buffer.position();
        if (filled == 0) {
          break;
        }
        total += filled;
        if (total > file.size()) {
          break;
        }
        int out = filled == CHUNK ? encoder.encode(raw, encoded)
            : encoder.encode(java.util.Arrays.copyOf(raw, filled), encoded);
        sink.write(encoded, 0, out);
        if (n < 0) {
          break;
        }
      }
    }
    if (total != file.size()) {
      throw new IOException("The image " + file.path().getFileName() + " changed since it was"
          + " checked (" + file.size() + " bytes then, " + total + " now)");
    }
  }
}
