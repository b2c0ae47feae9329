package io.github.klingjava.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/** The upload floor: a hand-written OkHttp body streaming a file's Base64 between two JSON fragments. */
final class RawBase64Body extends RequestBody {
  private final Path file;
  private final byte[] head;
  private final byte[] tail;
  private final long length;

  RawBase64Body(Path file, String head, String tail) throws IOException {
    this.file = file;
    this.head = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.tail = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.length = this.head.length + (Files.size(file) + 2) / 3 * 4 + this.tail.length;
  }

  @Override
  public MediaType contentType() {
    return Contestants.JSON;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(head);
    byte[] chunk = new byte[48 * 1024];
    byte[] encoded = new byte[64 * 1024];
    Base64.Encoder encoder = Base64.getEncoder();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.wrap(chunk);
      while (true) {
        buffer.clear();
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
          // fill the chunk: Base64 of a multiple of 3 bytes
        }
        int n = buffer.position();
        if (n == 0) {
          break;
        }
        int out = n == chunk.length ? encoder.encode(chunk, encoded)
            : encoder.encode(java.util.Arrays.copyOf(chunk, n), encoded);
        sink.write(encoded, 0, out);
        if (n < chunk.length) {
          break;
        }
      }
    }
    sink.write(tail);
  }
}
