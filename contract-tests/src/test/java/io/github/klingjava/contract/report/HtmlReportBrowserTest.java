package io.github.klingjava.contract.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser (headless Chromium): the failures box is on the first screen, above
 * everything else, and every failure link points at a line that exists in the DOM the browser built.
 * Skipped, saying so, where Chromium is not installed ({@code apt-get install chromium}).
 */
class HtmlReportBrowserTest {
  private static String chromium;

  @TempDir
  Path dir;

  @BeforeAll
  static void findChromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(entry, name))) {
          chromium = Path.of(entry, name).toString();
          return;
        }
      }
    }
  }

  private Path report() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(new Row("full", Section.ERROR, "getImageToVideoTask", "passing-" + i, "mock/process",
          Status.PASSED, "", ""));
    }
    rows.add(new Row("full", Section.ERROR, "getImageToVideoTask", "rate-limited", "mock/process",
        Status.FAILED, "AssertionError: expected RateLimitException", ""));
    rows.add(new Row("full", Section.CONSTRAINT, "createImageGenerationTask", "$.n maximum", "mock/process",
        Status.FAILED, "client and Prism disagree", ""));
    List<Matrix.RunRecord> runs = List.of(new Matrix.RunRecord(
        new Matrix.RunInfo("full", "process", "process", "prism-cli 5.14.2", ""), Map.of(), rows));
    return Files.writeString(dir.resolve("contract-matrix.html"), HtmlReport.render(runs, rows));
  }

  private String run(String... flags) throws Exception {
    Assumptions.assumeTrue(chromium != null,
        "chromium is not installed: the headless-browser check of the HTML report is skipped");
    List<String> argv = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    argv.addAll(List.of(flags));
    Path out = dir.resolve("chromium-out.txt");
    Process p = new ProcessBuilder(argv).redirectErrorStream(false).redirectOutput(out.toFile())
        .redirectError(dir.resolve("chromium-err.txt").toFile()).start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium-err.txt")));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void everyFailureLinkPointsAtALineOfTheParsedPage() throws Exception {
    Path html = report();
    String dom = run("--dump-dom", html.toUri().toString());
    int failures = dom.indexOf("id=\"failures\"");
    assertTrue(failures > 0 && failures < dom.indexOf("<h2>Runs</h2>"), "the failures box comes first");
    Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(dom);
    int count = 0;
    while (links.find()) {
      assertTrue(dom.contains("<tr id=\"" + links.group(1) + "\">"), "no line for #" + links.group(1));
      count++;
    }
    assertEquals(2, count, "one link per failure");
  }

  @Test
  void theFailuresAreOnTheFirstScreen() throws Exception {
    Path html = report();
    Path shot = dir.resolve("shot.png");
    run("--window-size=1000,600", "--hide-scrollbars", "--screenshot=" + shot, html.toUri().toString());
    BufferedImage image = ImageIO.read(shot.toFile());
    int red = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == 0xaa0000) {
          red++;
        }
      }
    }
    // The box's 2 px border in #a00: hundreds of pixels when the box is on screen, none otherwise.
    assertTrue(red > 500, "the failures box is visible without scrolling (" + red + " border pixels)");
  }
}
