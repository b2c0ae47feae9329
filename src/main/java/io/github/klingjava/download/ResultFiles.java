package io.github.klingjava.download;

import com.squareup.moshi.Moshi;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResult;
import io.github.klingjava.json.KlingMoshi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every file of a task's result, whatever its shape: each array of {@code task_result} (images, videos,
 * audios, series_images, and arrays the spec does not know yet, kept as additional properties) and, in each
 * of its items, every URL property ({@code url}, {@code watermark_url}, {@code mp3_url}, {@code wav_url},
 * {@code url_*}). Nothing the server sends is left behind.
 *
 * <p>Names: the main {@code url} of an image is {@code <task>-<index>}, of a video {@code <task>-<id>}, of
 * any other item {@code <task>-<group>-<id or index>}; another URL property adds its name without
 * {@code _url}, e.g. {@code <task>-<id>-watermark} or {@code <task>-audio-a1-mp3}.
 */
final class ResultFiles {
  private static final Moshi MOSHI = KlingMoshi.create();

  /** What a file is, which decides the content types accepted for it. */
  enum Kind { IMAGE, VIDEO, AUDIO, OTHER }

  /** One file to fetch. */
  record ResultFile(Kind kind, String baseName, String url) {
  }

  private ResultFiles() {
  }

  static List<ResultFile> of(Task task) {
    TaskResult result = task.getTaskResult();
    List<ResultFile> files = new ArrayList<>();
    if (result == null) {
      return files;
    }
    Object tree = MOSHI.adapter(TaskResult.class).toJsonValue(result);
    String taskPart = SafeFileNames.part(task.getTaskId());
    if (tree instanceof Map<?, ?> groups) {
      groups.forEach((group, items) -> {
        if (items instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> item) {
              add(files, taskPart, String.valueOf(group), i, item);
            }
          }
        }
      });
    }
    return files;
  }

  private static void add(List<ResultFile> files, String taskPart, String group, int position, Map<?, ?> item) {
    String key = group.equals("images") ? text(item.get("index")) : text(item.get("id"));
    if (key == null) {
      key = text(item.get("index"));
    }
    String itemPart = SafeFileNames.part(key == null ? String.valueOf(position) : key);
    String base = group.equals("images") || group.equals("videos")
        ? taskPart + "-" + itemPart : taskPart + "-" + SafeFileNames.part(singular(group)) + "-" + itemPart;
    item.forEach((name, value) -> {
      String property = String.valueOf(name);
      String url = text(value);
      if (url != null && isUrlProperty(property)) {
        String suffix = property.equals("url") ? "" : "-" + SafeFileNames.part(label(property));
        files.add(new ResultFile(kind(group, property), base + suffix, url));
      }
    });
  }

  private static boolean isUrlProperty(String name) {
    return name.equals("url") || name.endsWith("_url") || name.startsWith("url_");
  }

  private static String label(String property) {
    return property.endsWith("_url") ? property.substring(0, property.length() - 4) : property.substring(4);
  }

  private static String singular(String group) {
    return group.endsWith("s") ? group.substring(0, group.length() - 1) : group;
  }

  private static Kind kind(String group, String property) {
    String g = group.toLowerCase(Locale.ROOT);
    if (g.contains("audio") || property.contains("mp3") || property.contains("wav")) {
      return Kind.AUDIO;
    }
    if (g.contains("video")) {
      return Kind.VIDEO;
    }
    return g.contains("image") ? Kind.IMAGE : Kind.OTHER;
  }

  private static String text(Object value) {
    if (value instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) ? Long.toString((long) d) : n.toString();
    }
    return null;
  }
}
