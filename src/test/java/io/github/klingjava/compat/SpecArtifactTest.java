package io.github.klingjava.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The spec artifact (openapi/pom.xml) is released with the client: same group, same version, same spec file. */
class SpecArtifactTest {

  @Test
  void theSpecArtifactIsVersionedWithTheClientAndBuiltFromTheSameSpec() throws Exception {
    Document client = pom(Path.of("pom.xml"));
    Document spec = pom(Path.of("openapi", "pom.xml"));
    assertEquals(text(client, "/project/groupId"), text(spec, "/project/groupId"));
    assertEquals(text(client, "/project/version"), text(spec, "/project/version"));
    assertEquals("kling-api-spec", text(spec, "/project/artifactId"));
    assertEquals("${project.basedir}/openapi/kling-api.yaml", text(client, "/project/properties/kling.spec"));
    assertEquals("${project.basedir}/kling-api.yaml", text(spec, "/project/properties/kling.spec"));
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static String text(Document pom, String path) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(path, pom).strip();
  }
}
