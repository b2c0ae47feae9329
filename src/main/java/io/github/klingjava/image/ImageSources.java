package io.github.klingjava.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The two places {@link ImageHeader} reads an image from: a file channel (positional reads, so a
 * file over the size limit is judged where it lies, never loaded) and bytes already in memory.
 */
final class ImageSources {

  private ImageSources() {
  }

  static final class ChannelSource implements ImageHeader.Source {
    private final FileChannel channel;

    ChannelSource(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public int read(long position, byte[] into, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
      long p = position;
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, p);
        if (n <= 0) {
          break;
        }
        p += n;
      }
      return buffer.position();
    }
  }

  static final class ArraySource implements ImageHeader.Source {
    private final byte[] data;

    ArraySource(byte[] data) {
      this.data = data;
    }

    @Override
    public long size() {
      return data.length;
    }

    @Override
    public int read(long position, byte[] into, int length) {
      if (position >= data.length) {
        return 0;
      }
      int n = (int) Math.min(length, data.length - position);
      System.arraycopy(data, (int) position, into, 0, n);
      return n;
    }
  }
}
