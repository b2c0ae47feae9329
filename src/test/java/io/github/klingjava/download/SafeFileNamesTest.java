package io.github.klingjava.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

  @Test
  void keepsOnlyPlainCharacters() {
    assertEquals("867283741759111202", SafeFileNames.part("867283741759111202"));
    assertEquals("______etc_passwd", SafeFileNames.part("../../etc/passwd"));
    assertEquals("C__Windows_x", SafeFileNames.part("C:\\Windows\\x"));
    assertEquals("__", SafeFileNames.part(".."));
    assertEquals("a_b", SafeFileNames.part("a\u0000b"));
    assertEquals("_____", SafeFileNames.part("ドラゴン\uD83D\uDC09"), "one _ per code point");
    assertEquals("unnamed", SafeFileNames.part(""));
    assertEquals("unnamed", SafeFileNames.part(null));
  }

  @Test
  void longIdsAreCutButStayDistinct() {
    String a = "x".repeat(300) + "a";
    String b = "x".repeat(300) + "b";
    assertTrue(SafeFileNames.part(a).length() <= 80);
    assertNotEquals(SafeFileNames.part(a), SafeFileNames.part(b));
  }

  @Test
  void extensionsArePlainOrBin() {
    assertEquals("png", SafeFileNames.extension("png"));
    assertEquals("bin", SafeFileNames.extension("../sh"));
    assertEquals("bin", SafeFileNames.extension("vnd.ms-excel"));
    assertEquals("mp4", ContentTypes.extension("video/mp4"));
    assertEquals("jpg", ContentTypes.extension("image/jpeg"));
    assertEquals("tiff", ContentTypes.extension("image/tiff"));
    assertEquals("bin", ContentTypes.extension("image/svg+xml"));
  }

  @Test
  void resolveRefusesAnythingButAChild() {
    Path dir = Path.of("/tmp/out").toAbsolutePath();
    assertEquals(dir.resolve("a.png"), SafeFileNames.resolve(dir, "a.png"));
    assertThrows(IllegalArgumentException.class, () -> SafeFileNames.resolve(dir, "../a.png"));
    assertThrows(IllegalArgumentException.class, () -> SafeFileNames.resolve(dir, "/etc/a.png"));
    assertThrows(IllegalArgumentException.class, () -> SafeFileNames.resolve(dir, "x/a.png"));
  }

  @Test
  void contentTypePatterns() {
    java.util.List<String> images = java.util.List.of("image/*");
    assertTrue(ContentTypes.matches("image/png", images));
    assertTrue(!ContentTypes.matches("imagex/png", images));
    assertTrue(!ContentTypes.matches(null, images));
    assertEquals("image/png", ContentTypes.essence(" Image/PNG ; charset=binary"));
    assertTrue(ContentTypes.matches("text/plain", java.util.List.of("*/*")));
  }
}
