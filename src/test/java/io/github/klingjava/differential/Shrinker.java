package io.github.klingjava.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Makes a failing request tree smaller while it keeps failing, greedily: the first smaller
 * candidate that still fails is taken and the search starts again from it, until no candidate
 * fails or the step budget is spent. Candidates, largest cut first: drop a property or an array
 * element, cut a string (to empty, then to 1/2, 3/4, 7/8... of its length, then one character
 * less), move a number toward zero (zero, the whole part, half way, one step), make a boolean
 * false; each applied at every place in the tree. Schema-blind on purpose: whatever the
 * generator made, the shrinker can only remove or simplify.
 */
final class Shrinker {

  /** What the shrinker found: the smallest failing tree and how many candidates it tried. */
  record Result(Object smallest, int tried) {
  }

  private final Predicate<Object> fails;
  private final int budget;

  private Shrinker(Predicate<Object> fails, int budget) {
    this.fails = fails;
    this.budget = budget;
  }

  /**
   * @param failing a tree for which {@code fails} is true
   * @param fails whether a tree still shows the failure
   * @param budget how many candidates to try at most
   * @return the smallest failing tree found
   */
  static Result shrink(Object failing, Predicate<Object> fails, int budget) {
    return new Shrinker(fails, budget).run(failing);
  }

  private Result run(Object failing) {
    Object current = failing;
    int tried = 0;
    boolean progress = true;
    while (progress && tried < budget) {
      progress = false;
      for (Object candidate : candidates(current)) {
        if (++tried > budget) {
          break;
        }
        if (fails.test(candidate)) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return new Result(current, Math.min(tried, budget));
  }

  /** Every one-step simplification of the tree, as whole new trees (the input is not changed). */
  static List<Object> candidates(Object value) {
    List<Object> out = new ArrayList<>();
    if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      for (Object key : map.keySet()) {
        Map<Object, Object> without = new LinkedHashMap<>(map);
        without.remove(key);
        out.add(without);
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        for (Object smaller : candidates(entry.getValue())) {
          Map<Object, Object> replaced = new LinkedHashMap<>(map);
          replaced.put(entry.getKey(), smaller);
          out.add(replaced);
        }
      }
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        List<Object> without = new ArrayList<>(list);
        without.remove(i);
        out.add(without);
      }
      for (int i = 0; i < list.size(); i++) {
        for (Object smaller : candidates(list.get(i))) {
          List<Object> replaced = new ArrayList<>(list);
          replaced.set(i, smaller);
          out.add(replaced);
        }
      }
    } else if (value instanceof String) {
      out.addAll(shorter((String) value));
    } else if (value instanceof Number) {
      out.addAll(towardZero((Number) value));
    } else if (Boolean.TRUE.equals(value)) {
      out.add(false);
    }
    return out;
  }

  private static List<Object> shorter(String text) {
    List<Object> out = new ArrayList<>();
    int length = text.length();
    if (length == 0) {
      return out;
    }
    out.add("");
    for (int cut = length / 2; cut > 1; cut /= 2) {
      out.add(text.substring(0, length - cut));
    }
    out.add(text.substring(0, length - 1));
    return out;
  }

  private static List<Object> towardZero(Number number) {
    List<Object> out = new ArrayList<>();
    if (number instanceof Integer || number instanceof Long) {
      long n = number.longValue();
      if (n != 0) {
        out.add(0);
        if (Math.abs(n) > 2) {
          out.add((int) (n / 2));
        }
        if (Math.abs(n) > 1) {
          out.add((int) (n - Long.signum(n)));
        }
      }
    } else {
      double d = number.doubleValue();
      if (d != 0) {
        out.add(0.0);
        if (d != Math.rint(d)) {
          out.add((double) (long) d);
        }
        if (Math.abs(d) > 1) {
          out.add(d / 2);
        }
      }
    }
    return out;
  }
}
