package io.github.klingjava.validation;

import io.github.klingjava.error.KlingException;
import java.util.List;
import java.util.Objects;

/**
 * A request (or a local image file) breaks one or more rules, found before anything was sent.
 * It carries every violation at once, not only the first; its message lists them one per line:
 *
 * <pre>
 * ImageGenerationRequest is invalid (2 violations):
 *   $.n: 12 is above the maximum 9 (rule maximum)
 *   $.aspect_ratio: "5:4" is not one of "16:9", "9:16", ... (rule enum)
 * </pre>
 */
public class KlingValidationException extends KlingException {

  private static final long serialVersionUID = 1L;

  private final String subject;
  private final transient List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param subject what was checked, e.g. a schema name such as {@code ImageGenerationRequest} or
   *     an image file name; it starts the message
   * @param violations every violation found, at least one
   * @throws IllegalArgumentException when {@code violations} is empty
   */
  public KlingValidationException(String subject, List<Violation> violations) {
    super(message(subject, violations));
    this.subject = subject;
    this.violations = List.copyOf(violations);
  }

  /** @return what was checked (a schema name or an image file name) */
  public String subject() {
    return subject;
  }

  /** @return every violation, in the order found; never empty, unmodifiable */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(String subject, List<Violation> violations) {
    Objects.requireNonNull(subject, "subject");
    if (violations == null || violations.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one violation");
    }
    StringBuilder sb = new StringBuilder(subject).append(" is invalid (").append(violations.size())
        .append(violations.size() == 1 ? " violation):" : " violations):");
    for (Violation v : violations) {
      sb.append("\n  ").append(v.message());
    }
    return sb.toString();
  }
}
