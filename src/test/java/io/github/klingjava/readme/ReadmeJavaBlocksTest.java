package io.github.klingjava.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every ```java block of README.md compiles against the client (and, for the testing section, the
 * lifecycle double), as a user pastes it: its own imports, every variable defined. A block that declares
 * a class is compiled as it stands; any other block is its imports followed by statements, compiled as
 * the body of a method that may throw. Nothing is copied by hand: the blocks are read from the README on
 * every build.
 */
class ReadmeJavaBlocksTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TYPE = Pattern.compile("^(public |final )*(class|record|interface) (\\w+)",
      Pattern.MULTILINE);

  static List<String> blocks() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void theReadmeShowsJava() throws IOException {
    assertTrue(blocks().size() >= 8, "README.md's Java blocks: " + blocks().size());
  }

  @Test
  void aBlockWithAnUndefinedVariableOrAMissingImportFails() {
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> compile(0, "Task done = client.imageGeneration().get(id);\n"));
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> compile(0, "WaitOptions w = WaitOptions.defaults();\n"));
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
    List<String> blocks = blocks();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String block = blocks.get(i);
      String firstLine = block.lines().filter(l -> !l.isBlank() && !l.startsWith("import "))
          .findFirst().orElse("");
      int n = i + 1;
      tests.add(DynamicTest.dynamicTest("block " + n + ": " + firstLine.trim(), () -> compile(n, block)));
    }
    return tests.stream();
  }

  private static void compile(int n, String block) throws IOException {
    Matcher type = TYPE.matcher(block);
    String name;
    String source;
    if (type.find()) {
      name = type.group(3);
      source = block;
    } else {
      name = "ReadmeBlock" + n;
      List<String> imports = block.lines().filter(l -> l.startsWith("import ")).collect(Collectors.toList());
      String body = block.lines().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
      source = String.join("\n", imports) + "\n\nclass " + name + " {\n  static void run() throws Exception {\n"
          + body + "\n  }\n}\n";
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("readme-block");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      List<String> options = List.of("-classpath", classPath(), "-d", out.toString(), "--release", "17",
          "-Xlint:none", "-proc:none");
      boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
      String problems = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
      assertTrue(ok, "README.md java block " + n + " does not compile:\n" + problems + "\n--- as compiled:\n"
          + source);
      assertEquals("", problems);
    }
  }

  /** The test class path (Surefire passes it in a manifest jar, and names it in this property). */
  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path");
    return path != null && !path.isBlank() ? path : System.getProperty("java.class.path", "");
  }
}
