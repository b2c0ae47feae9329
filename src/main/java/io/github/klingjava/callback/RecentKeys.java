package io.github.klingjava.callback;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded set of recently seen keys; the oldest is forgotten first. Thread-safe. */
final class RecentKeys {

  private final Map<String, Boolean> keys;

  RecentKeys(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.keys = new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** @return true when the key was new and is now remembered */
  synchronized boolean add(String key) {
    return keys.put(key, Boolean.TRUE) == null;
  }

  synchronized void forget(String key) {
    keys.remove(key);
  }
}
