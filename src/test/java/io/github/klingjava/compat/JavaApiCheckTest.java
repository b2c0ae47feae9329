package io.github.klingjava.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiMethod;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javassist.ClassPool;
import javassist.CtClass;
import javassist.CtNewMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java API check (japicmp, wired into `verify` in the root pom) on the real public surface:
 * the jar compared with itself, as before the first release, reports nothing; a baseline whose
 * {@code KlingClient} has one more public method, that is a current jar that removed it, is
 * binary- and source-incompatible. The fixture baseline is written to
 * target/japicmp-fixture/ so the regeneration command can run the Maven plugin itself against it.
 */
class JavaApiCheckTest {

  static final Path FIXTURE = Path.of("target", "japicmp-fixture", "kling-java-baseline-with-extra-method.jar");
  private static final String CLIENT = "io.github.klingjava.client.KlingClient";
  private static final String EXTRA = "removedSinceTheBaseline";
  private static final Path CLASSES = Path.of("target", "classes");

  private static Path current;

  @BeforeAll
  static void jars() throws Exception {
    current = Files.createTempFile("kling-java-current", ".jar");
    writeJar(current, Map.of());
    ClassPool pool = new ClassPool(true);
    pool.appendClassPath(CLASSES.toString());
    CtClass client = pool.get(CLIENT);
    client.addMethod(CtNewMethod.make("public String " + EXTRA + "() { return \"\"; }", client));
    Files.createDirectories(FIXTURE.getParent());
    writeJar(FIXTURE, Map.of(CLIENT.replace('.', '/') + ".class", client.toBytecode()));
  }

  @Test
  void theJarComparedWithItselfReportsNothing() {
    List<JApiClass> classes = compare(current, current);
    assertFalse(classes.isEmpty(), "the comparison saw no classes");
    assertTrue(classes.stream().allMatch(c -> c.getChangeStatus() == JApiChangeStatus.UNCHANGED),
        () -> "changed: " + classes.stream().filter(c -> c.getChangeStatus() != JApiChangeStatus.UNCHANGED).toList());
  }

  @Test
  void aRemovedPublicMethodIsBinaryAndSourceIncompatible() {
    JApiClass client = compare(FIXTURE, current).stream()
        .filter(c -> c.getFullyQualifiedName().equals(CLIENT)).findFirst().orElseThrow();
    List<JApiMethod> removed = client.getMethods().stream()
        .filter(m -> m.getChangeStatus() == JApiChangeStatus.REMOVED).toList();
    assertEquals(List.of(EXTRA), removed.stream().map(JApiMethod::getName).toList());
    assertFalse(client.isBinaryCompatible());
    assertFalse(client.isSourceCompatible());
  }

  /** The options of the pom's japicmp block: public surface, JSR-305 annotations may be missing. */
  private static List<JApiClass> compare(Path oldJar, Path newJar) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(AccessModifier.PUBLIC);
    options.getIgnoreMissingClasses().setIgnoreMissingClassRegularExpression(List.of(Pattern.compile("javax\\.annotation\\..*")));
    options.getClassPathEntries().addAll(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("classes")).toList());
    return new JarArchiveComparator(options).compare(
        new JApiCmpArchive(oldJar.toFile(), "baseline"), new JApiCmpArchive(newJar.toFile(), "current"));
  }

  private static void writeJar(Path jar, Map<String, byte[]> replaced) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = CLASSES.relativize(file).toString().replace(File.separatorChar, '/');
        out.putNextEntry(new JarEntry(name));
        out.write(replaced.containsKey(name) ? replaced.get(name) : Files.readAllBytes(file));
        out.closeEntry();
      }
    }
  }
}
