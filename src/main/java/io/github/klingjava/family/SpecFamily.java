package io.github.klingjava.family;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * A family as the spec declares it: one tag carrying {@code x-kling-family: {accessor, kind}}, whose
 * operations carry {@code x-kling-operation}. The generated enum {@code io.github.klingjava.vendor.TaskFamily}
 * implements it, one constant per family tag, so {@code client.family(TaskFamily.IMAGE_TO_VIDEO)} and the
 * generated typed accessors ({@code client.imageToVideo()}) need no hand-written adapter.
 *
 * <pre>{@code
 * for (TaskFamily family : TaskFamily.values()) {
 *   System.out.println(family.tag() + " -> /" + family.route() + " " + family.kind());
 * }
 * }</pre>
 */
public interface SpecFamily {
  /** The tag, e.g. {@code image-to-video}: the family's name in the spec and in the CLI. */
  String tag();

  /** The typed accessor's name on the client, e.g. {@code imageToVideo}. */
  String accessor();

  /** Task (polled) or sync (answers at once). */
  FamilyKind kind();

  /** The submit route (sync: the first call's route), relative, e.g. {@code v1/videos/image2video}. */
  String route();

  /** The schema name of the submit body (sync: of the first call's body), e.g. {@code ImageToVideoRequest}. */
  String requestSchema();

  /** The generated model class of {@link #requestSchema()}. */
  Class<?> requestType();

  /** The family's operations, in the generator's order (by path, then method). */
  List<SpecOperation> operations();

  /** The generated Retrofit calls of the family, by operationId. */
  Map<String, Function<CallArgs, Call<?>>> bind(Retrofit retrofit);

  /** The first operation with this role ({@code submit}, {@code get}, ...), empty when the family has none. */
  default Optional<SpecOperation> operation(String role) {
    return operations().stream().filter(operation -> operation.role().equals(role)).findFirst();
  }
}
