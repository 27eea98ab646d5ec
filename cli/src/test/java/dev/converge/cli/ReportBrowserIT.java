package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.testkit.ScratchRepository;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code converge report} in a real browser: headless Chromium lays the page out at a phone's width
 * (390 px) and a laptop's (1280 px). Headless Chromium will not make a window narrower than 500 px,
 * so the page is shown in an {@code <iframe srcdoc>} of exactly the width under test. A copy of the
 * page gets one inline script, added by this test and never part of the report, that measures the
 * laid-out page and writes the figures into the outer document, which Chromium's
 * {@code --dump-dom} prints: the matrix, gates and timeline are present and have a size, nothing is
 * wider than the viewport, and the page does not scroll sideways. Screenshots at both widths
 * (cropped to the frame) are kept in {@code target/report-screenshots/}.
 *
 * <p>Chromium comes from Debian's {@code chromium} package ({@code .ci/run} installs it). Without
 * it the test fails on CI ({@code CI=true}) and is skipped elsewhere, saying how to install it.
 */
class ReportBrowserIT {

  static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
  static final ObjectMapper JSON = new ObjectMapper();

  static Path work;
  static Path page;
  static String chromium;

  /** Measures the page once laid out; the result replaces the body's last element's text. */
  static final String PROBE = """
      <script>
      (function () {
        var vw = document.documentElement.clientWidth;
        function box(el) { var r = el.getBoundingClientRect(); return {w: r.width, h: r.height, left: r.left, right: r.right}; }
        function all(sel) { return Array.prototype.map.call(document.querySelectorAll(sel), box); }
        var wide = [];
        document.querySelectorAll('body *').forEach(function (el) {
          if (el.closest('.scroll') || el.closest('svg') || el.tagName === 'SCRIPT') return;
          var r = el.getBoundingClientRect();
          if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) wide.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
        });
        var result = {
          viewport: vw,
          scrollWidth: document.documentElement.scrollWidth,
          gates: all('.pipeline .gate'),
          matrix: all('#matrix table'),
          matrixBox: all('#matrix .scroll'),
          matrixRows: document.querySelectorAll('#matrix tbody tr').length,
          timeline: all('#timeline svg'),
          marks: document.querySelectorAll('#timeline circle').length,
          charts: all('#metrics svg'),
          sections: all('main > section'),
          wide: wide.slice(0, 20)
        };
        parent.document.getElementById('layout-probe').textContent = 'LAYOUT' + JSON.stringify(result) + 'END';
      })();
      </script>
      """;

  @BeforeAll
  static void makeTheReport() throws Exception {
    chromium = findChromium().orElse(null);
    if (chromium == null) {
      String how = "Chromium is not installed: apt-get install -y chromium (Debian), as .ci/run does";
      if ("true".equals(System.getenv("CI"))) {
        fail(how);
      }
      Assumptions.abort(how);
    }
    work = Files.createTempDirectory("converge-report-it");
    try (ScratchRepository repo = ScratchRepository.create(Path.of("..", "examples", "infra"), work.resolve("infra"))) {
      page = work.resolve("report.html");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      PrintWriter o = new PrintWriter(out, true);
      PrintWriter e = new PrintWriter(err, true);
      String root = repo.root().toString();
      Converge.run(o, e, "record", "deployment", "--stack", "dev/us-east-1", "--component", "vpc", "--outcome", "success",
          "--at", "2026-11-26T10:00:00Z", "--repo", root);
      int exit = Converge.run(o, e, "report", "--out", page.toString(), "--at", "2026-11-26T10:30:00Z", "--repo", root);
      assertThat(exit).as(err.toString()).isZero();
    }
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {390, 1280})
  void theReportIsLaidOutInABrowser(int width) throws Exception {
    String html = Files.readString(page);
    Path probed = work.resolve("probed-" + width + ".html");
    Files.writeString(probed, framed(html.replace("</body>", PROBE + "</body>"), width, 3000));

    String dom = run(List.of("--dump-dom", "--window-size=" + Math.max(width, 500) + ",900", probed.toUri().toString()));
    Matcher m = Pattern.compile("<pre id=\"layout-probe\">LAYOUT(.*?)END</pre>", Pattern.DOTALL).matcher(dom);
    assertThat(m.find()).as("the probe ran; Chromium printed:\n" + tail(dom)).isTrue();
    JsonNode layout = JSON.readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));

    System.out.printf(java.util.Locale.ROOT, "ReportBrowserIT %d px: scroll width %d, gates %s, matrix %s in a box %s, "
        + "timeline %s with %d marks, charts %s%n", width, layout.get("scrollWidth").asInt(), sizes(layout.get("gates")),
        sizes(layout.get("matrix")), sizes(layout.get("matrixBox")), sizes(layout.get("timeline")),
        layout.get("marks").asInt(), sizes(layout.get("charts")));
    assertThat(layout.get("viewport").asInt()).isEqualTo(width);
    assertThat(layout.get("scrollWidth").asInt()).as("the page scrolls sideways").isLessThanOrEqualTo(width);
    assertThat(layout.get("wide")).as("elements wider than the viewport").isEmpty();
    assertThat(layout.get("gates")).hasSize(3).allSatisfy(b -> {
      assertThat(b.get("w").asDouble()).isGreaterThan(150);
      assertThat(b.get("h").asDouble()).isGreaterThan(40);
      assertThat(b.get("right").asDouble()).isLessThanOrEqualTo(width);
    });
    assertThat(layout.get("matrix")).hasSize(1);
    assertThat(layout.get("matrix").get(0).get("h").asDouble()).isGreaterThan(200);
    assertThat(layout.get("matrixBox").get(0).get("right").asDouble()).isLessThanOrEqualTo(width);
    assertThat(layout.get("matrixRows").asInt()).isGreaterThanOrEqualTo(6);
    assertThat(layout.get("timeline")).hasSize(1);
    assertThat(layout.get("timeline").get(0).get("w").asDouble()).isGreaterThan(300);
    // drawn at a readable scale: labels about 12 px high, not blown up to the laptop's width
    assertThat(layout.get("timeline").get(0).get("h").asDouble()).isLessThan(300);
    assertThat(layout.get("marks").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(layout.get("charts")).hasSize(3).allSatisfy(b -> assertThat(b.get("h").asDouble()).isGreaterThan(40));
    assertThat(layout.get("sections")).hasSize(5);
    if (width >= 1280) {
      // on a laptop the three environments sit side by side
      assertThat(layout.get("gates").get(0).get("right").asDouble())
          .isLessThan(layout.get("gates").get(1).get("left").asDouble());
    } else {
      // on a phone they stack
      assertThat(layout.get("gates").get(1).get("left").asDouble())
          .isEqualTo(layout.get("gates").get(0).get("left").asDouble());
    }

    Path shot = SCREENSHOTS.resolve("report-" + width + ".png").toAbsolutePath();
    Files.deleteIfExists(shot);
    int height = width < 600 ? 2400 : 1400;
    Path framed = work.resolve("framed-" + width + ".html");
    Files.writeString(framed, framed(html, width, height));
    run(List.of("--screenshot=" + shot, "--window-size=" + Math.max(width, 500) + "," + height, framed.toUri().toString()));
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getHeight()).isEqualTo(height);
    ImageIO.write(image.getSubimage(0, 0, width, height), "png", shot.toFile());
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }

  /** The page in a frame of exactly {@code width} x {@code height} px, top left, and a place for the probe's figures. */
  static String framed(String html, int width, int height) {
    String srcdoc = html.replace("&", "&amp;").replace("\"", "&quot;");
    return "<!doctype html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">"
        + "<iframe style=\"border:0;display:block;width:" + width + "px;height:" + height + "px\" srcdoc=\"" + srcdoc
        + "\"></iframe><pre id=\"layout-probe\"></pre></body></html>";
  }

  static String run(List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + work.resolve("profile")));
    command.addAll(arguments);
    Path output = Files.createTempFile(work, "chromium", ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish in 60 s: " + command);
    }
    assertThat(process.exitValue()).as("chromium's exit: " + command).isZero();
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  static Optional<String> findChromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
    }
    return Optional.empty();
  }

  static String sizes(JsonNode boxes) {
    List<String> sizes = new ArrayList<>();
    boxes.forEach(b -> sizes.add(Math.round(b.get("w").asDouble()) + "x" + Math.round(b.get("h").asDouble())));
    return String.join(" ", sizes);
  }

  static String tail(String text) {
    return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
  }
}
