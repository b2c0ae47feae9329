package io.github.klingjava.client;

import io.github.klingjava.family.CallArgs;
import io.github.klingjava.family.SpecOperation;
import io.github.klingjava.paging.SpecPaging;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.util.List;

/**
 * The arguments of a task family's query and list calls, checked before anything is sent: a task id
 * as the spec's path parameter {@code id} allows it, and a page as the list's {@code x-kling-paging}
 * names it. Kept apart from {@link TaskFamilyService}, which only routes the calls.
 */
final class TaskCallArgs {
  static final int MAX_ID_LENGTH = 256;

  private TaskCallArgs() {
  }

  /** @throws KlingValidationException naming {@code name} when the id is empty, too long or blank */
  static void requireId(String name, String id) {
    // The spec's path parameter `id` (task_id or external_task_id): 1 to 256 characters.
    String rule = null;
    String problem = null;
    if (id == null || id.isEmpty()) {
      rule = "minLength";
      problem = "an empty " + name + "; the path needs at least 1 character";
    } else if (id.length() > MAX_ID_LENGTH) {
      rule = "maxLength";
      problem = id.length() + " characters exceed the maximum length " + MAX_ID_LENGTH;
    } else if (id.isBlank()) {
      rule = "blank";
      problem = "an id of only white space names no task";
    }
    if (rule != null) {
      String shown = id == null ? null : "\"" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "\"";
      throw new KlingValidationException(name, List.of(Violation.of("$.id", shown, rule, problem)));
    }
  }

  /**
   * The query of one page of the list operation, as its {@code x-kling-paging} (style page) names the
   * parameters; the paging recipe checks the numbers against the spec's limits.
   *
   * @throws UnsupportedOperationException when the spec gives the list no page-number paging
   */
  static CallArgs page(SpecOperation list, int pageNum, int pageSize) {
    SpecPaging paging = list.paging().filter(p -> p.style() == SpecPaging.Style.PAGE)
        .orElseThrow(() -> new UnsupportedOperationException(list.operationId()
            + ": the spec gives this list no x-kling-paging of style page"));
    return CallArgs.ofQuery(paging.pageQuery(pageNum, pageSize));
  }
}
