package io.github.klingjava.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the templates in src/main/openapi-templates: the pom's {@code golden} execution generates
 * src/test/resources/golden/mini-spec.yaml with the same templates and options as the client, and
 * each selected output must equal its copy under src/test/resources/golden/expected/.
 *
 * <p>After an intended template or generator change, rewrite the copies with
 * {@code mvn test -Dtest=GeneratedSourcesGoldenTest -Dgolden.update=true} and review the diff.
 */
final class GeneratedSourcesGoldenTest {

  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  private static final Path GENERATED =
      BASEDIR.resolve("target/golden-sources/src/main/java/io/github/klingjava/golden");
  private static final Path EXPECTED = BASEDIR.resolve("src/test/resources/golden/expected");
  private static final String UPDATE_HINT = "If the change is intended, run\n"
      + "  mvn test -Dtest=GeneratedSourcesGoldenTest -Dgolden.update=true\n"
      + "and review `git diff src/test/resources/golden/expected` before committing.";

  static Stream<String> goldenFiles() {
    // One of each template's shapes: a top-level open enum with x-enum-varnames, one without,
    // a model with inner enums + int64 + BigDecimal + URI + array (anyOf/not/additionalProperties
    // false in the spec), a model with a nullable field, and the Retrofit interface.
    return Stream.of(
        "model/AspectRatio.java",
        "model/ModelName.java",
        "model/CreateVideoTaskRequest.java",
        "model/TaskData.java",
        "api/VideosApi.java",
        // video-facade (#10): the family enum and the typed accessors of the mini spec's two families
        "vendor/TaskFamily.java",
        "FamilyAccessors.java");
  }

  /**
   * Exactly these files, nothing more: in particular no empty {@code ImageToVideoRequestNot} for the
   * composed {@code not} (dropped by src/main/openapi-templates/.openapi-generator-ignore) and no
   * Gson ApiClient/JSON/auth support classes.
   */
  @Test
  void generatesExactlyTheExpectedFiles() throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(GENERATED)) {
      files = walk.filter(Files::isRegularFile)
          .map(p -> GENERATED.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
    assertEquals(List.of(
            "CollectionFormats.java",
            "FamilyAccessors.java",
            "StringUtil.java",
            "api/IdentifyFaceApi.java",
            "api/TextToVideoApi.java",
            "api/VideosApi.java",
            "model/AspectRatio.java",
            "model/CreateVideoTaskRequest.java",
            "model/Face.java",
            "model/FaceHistoryPage.java",
            "model/FaceHistoryRequest.java",
            "model/FaceHistoryResponse.java",
            "model/IdentifyFaceRequest.java",
            "model/IdentifyFaceResponse.java",
            "model/IdentifyFaceResponseData.java",
            "model/ImageToVideoRequest.java",
            "model/ModelName.java",
            "model/SubjectImage.java",
            "model/TaskData.java",
            "model/TaskListResponse.java",
            "model/TaskResponse.java",
            "model/TextToVideoRequest.java",
            "model/Video.java",
            "vendor/TaskFamily.java"),
        files);
  }

  @ParameterizedTest
  @MethodSource("goldenFiles")
  void generatedFileMatchesGoldenCopy(String relative) throws IOException {
    Path generated = GENERATED.resolve(relative);
    Path expected = EXPECTED.resolve(relative);
    assertTrue(Files.isRegularFile(generated),
        generated + " was not generated; the pom's `golden` execution must run before the tests");
    String actual = normalize(Files.readString(generated, StandardCharsets.UTF_8));

    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      System.out.println("golden.update: rewrote " + BASEDIR.relativize(expected));
      return;
    }
    assertTrue(Files.isRegularFile(expected), "No golden copy " + expected + ".\n" + UPDATE_HINT);
    String wanted = normalize(Files.readString(expected, StandardCharsets.UTF_8));
    if (!wanted.equals(actual)) {
      fail("Generated " + relative + " differs from its golden copy " + BASEDIR.relativize(expected)
          + "\n" + firstDifference(wanted, actual) + "\n" + UPDATE_HINT);
    }
  }

  private static String normalize(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String firstDifference(String wanted, String actual) {
    List<String> a = wanted.lines().toList();
    List<String> b = actual.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String left = i < a.size() ? a.get(i) : "<end of file>";
      String right = i < b.size() ? b.get(i) : "<end of file>";
      if (!left.equals(right)) {
        return "first difference at line " + (i + 1) + ":\n  expected: " + left + "\n  actual:   " + right;
      }
    }
    return "the files differ only in their final line ending";
  }
}
