package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.testkit.ScratchRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code converge report} on the example estate: what the page holds, and that it loads nothing. */
class ReportCommandTest {

  static final String T0 = "2026-11-26T10:00:00Z";

  @TempDir
  Path dir;

  ScratchRepository repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = ScratchRepository.create(Path.of("..", "examples", "infra"), dir.resolve("infra"));
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  int converge(StringWriter out, StringWriter err, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--repo", repo.root().toString()));
    return Converge.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
  }

  String report(String... extra) throws Exception {
    Path page = dir.resolve("out/report.html");
    List<String> args = new ArrayList<>(List.of("report", "--out", page.toString(), "--at", T0));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = converge(out, err, args.toArray(String[]::new));
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("wrote " + page);
    return Files.readString(page);
  }

  @Test
  void report_holdsThePipelineTheTimelineTheMatrixTheMetricsAndTheLedger() throws Exception {
    StringWriter ignored = new StringWriter();
    converge(ignored, ignored, "record", "deployment", "--stack", "dev/us-east-1", "--component", "vpc",
        "--outcome", "success", "--at", T0);

    String html = report();

    assertThat(html).startsWith("<!doctype html>").contains("<html lang=\"en\">")
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    // the pipeline: one card per environment in order, each gate's state as a word
    assertThat(count(html, "<li class=\"gate\"")).isEqualTo(3);
    assertThat(html.indexOf("data-environment=\"dev\"")).isLessThan(html.indexOf("data-environment=\"staging\""));
    assertThat(html).contains("badge gate-open\">open</span>", "badge gate-waiting_upstream\">waiting upstream</span>");
    // the matrix: a table with a caption, scoped headers, one row per component
    assertThat(html).contains("<caption>Each component's class").contains("<th scope=\"col\">prod</th>");
    assertThat(count(html, "<th scope=\"row\">vpc<br>")).isEqualTo(1);
    assertThat(html).contains("vpc-experiment");
    // the timeline and the charts: images with a title and a description
    assertThat(count(html, "role=\"img\"")).isEqualTo(4);
    assertThat(count(html, "<circle ")).isGreaterThanOrEqualTo(2);
    // the ledger's record, in words
    assertThat(html).contains("<caption>The newest record</caption>").contains("deployed dev/us-east-1 vpc (vpc-experiment) at ").contains(": success");
  }

  @Test
  void report_isSelfContained() throws Exception {
    String html = report();

    assertThat(html).doesNotContain("<script", "<link", "<img", "<iframe", "@import", "url(", "http://", "https://");
    assertThat(Pattern.compile("\\s(src|href)=").matcher(html).find()).isFalse();
  }

  @Test
  void report_replacesAnEarlierPageWhole() throws Exception {
    Path page = dir.resolve("out/report.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, "x".repeat(100_000));

    String html = report();

    assertThat(html).doesNotContain("xxxx").endsWith("</html>\n");
    try (var files = Files.list(page.getParent())) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.html");
    }
  }

  @Test
  void report_intoAFolderItCannotWrite_isALocatedErrorAndLeavesNothing() throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "not a folder");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = converge(out, err, "report", "--out", blocker.resolve("report.html").toString(), "--at", T0);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("report-unwritable").contains("choose a --out path").doesNotContain("\tat ");
    assertThat(Files.readString(blocker)).isEqualTo("not a folder");
  }

  static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
