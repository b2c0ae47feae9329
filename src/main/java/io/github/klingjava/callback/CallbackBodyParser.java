package io.github.klingjava.callback;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import io.github.klingjava.generated.model.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import okio.Buffer;

/**
 * Reads a callback body into a {@link Task}, leniently: the bare task object the spec documents, or
 * the same task inside an {@code {code, message, data}} envelope; a UTF-8 byte order mark, gzip
 * content encoding, a declared charset, numeric task ids and unknown fields are all accepted.
 */
final class CallbackBodyParser {

  /** Thrown for a body that cannot be a task; the message is safe to show. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    final int httpStatus;

    Unreadable(int httpStatus, String reason) {
      super(reason, null, false, false);
      this.httpStatus = httpStatus;
    }
  }

  private final JsonAdapter<Task> adapter;
  private final int maxBytes;

  CallbackBodyParser(Moshi moshi, int maxBytes) {
    this.adapter = moshi.adapter(Task.class);
    this.maxBytes = maxBytes;
  }

  Task parse(byte[] body, Map<String, List<String>> headers) throws Unreadable {
    if (body == null || body.length == 0) {
      throw new Unreadable(400, "empty body");
    }
    if (body.length > maxBytes) {
      throw new Unreadable(413, "body too large");
    }
    byte[] plain = "gzip".equalsIgnoreCase(header(headers, "Content-Encoding"))
        ? gunzip(body) : body;
    String json = stripBom(new String(plain, charset(header(headers, "Content-Type"))));
    try {
      Task task = read(new Buffer().writeUtf8(json));
      return task == null ? null : StandardTaskShape.adopt(task); // trust (#8): both body shapes
    } catch (JsonDataException | IOException e) {
      throw new Unreadable(400, "malformed body");
    }
  }

  private Task read(Buffer json) throws IOException, Unreadable {
    JsonReader reader = JsonReader.of(json);
    reader.setLenient(true);
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new Unreadable(400, "body is not a JSON object");
    }
    if (!isEnvelope(reader.peekJson())) {
      return adapter.fromJson(reader);
    }
    Task task = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if ("data".equals(reader.nextName()) && reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
        task = adapter.fromJson(reader);
      } else {
        reader.skipValue();
      }
    }
    return task;
  }

  /** An envelope has a {@code data} object and no {@code task_id} of its own. */
  private static boolean isEnvelope(JsonReader peek) throws IOException {
    boolean hasData = false;
    boolean hasTaskId = false;
    peek.beginObject();
    while (peek.hasNext()) {
      String name = peek.nextName();
      hasTaskId |= "task_id".equals(name);
      hasData |= "data".equals(name) && peek.peek() == JsonReader.Token.BEGIN_OBJECT;
      peek.skipValue();
    }
    return hasData && !hasTaskId;
  }

  private byte[] gunzip(byte[] body) throws Unreadable {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        out.write(chunk, 0, n);
        if (out.size() > maxBytes) {
          throw new Unreadable(413, "body too large"); // a small zip can inflate to gigabytes
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new Unreadable(400, "malformed gzip body");
    }
  }

  private static Charset charset(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").trim());
          } catch (IllegalArgumentException unknownCharset) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Header names are case-insensitive; frameworks hand them over in any case. */
  static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null
          && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}
