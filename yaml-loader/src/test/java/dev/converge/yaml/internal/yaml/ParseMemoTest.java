package dev.converge.yaml.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.Problem;
import dev.converge.yaml.internal.problem.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParseMemoTest {

  @Test
  void read_sameTextInTheNextLoad_isTheSameParse() {
    ParseMemo memo = new ParseMemo();
    ParseMemo.Load first = memo.begin();
    YamlFile once = first.read("stacks/dev.yaml", "vars: {stage: dev}\n", new Problems()).orElseThrow();
    first.keep();

    YamlFile again = memo.begin().read("stacks/dev.yaml", "vars: {stage: dev}\n", new Problems()).orElseThrow();

    assertThat(again).isSameAs(once);
  }

  @Test
  void read_changedText_isParsedAgain() {
    ParseMemo memo = new ParseMemo();
    ParseMemo.Load first = memo.begin();
    first.read("stacks/dev.yaml", "vars: {stage: dev}\n", new Problems());
    first.keep();

    YamlFile changed = memo.begin().read("stacks/dev.yaml", "vars: {stage: prod}\n", new Problems()).orElseThrow();

    assertThat(changed.value()).isEqualTo(Map.of("vars", Map.of("stage", "prod")));
  }

  @Test
  void read_unparseableTextInTheNextLoad_reportsItsProblemsAgain() {
    ParseMemo memo = new ParseMemo();
    ParseMemo.Load first = memo.begin();
    Problems firstProblems = new Problems();
    assertThat(first.read("stacks/bad.yaml", "vars: [unclosed\n", firstProblems)).isEmpty();
    first.keep();

    Problems secondProblems = new Problems();
    Optional<YamlFile> second = memo.begin().read("stacks/bad.yaml", "vars: [unclosed\n", secondProblems);

    assertThat(second).isEmpty();
    List<Problem> reported = secondProblems.all();
    assertThat(reported).isNotEmpty().isEqualTo(firstProblems.all());
    assertThat(reported.get(0).rule()).isEqualTo("yaml-syntax");
  }

  @Test
  void keep_holdsOnlyTheLastLoadsFiles() {
    ParseMemo memo = new ParseMemo();
    ParseMemo.Load first = memo.begin();
    YamlFile dev = first.read("stacks/dev.yaml", "vars: {stage: dev}\n", new Problems()).orElseThrow();
    first.keep();
    ParseMemo.Load second = memo.begin(); // reads only prod
    second.read("stacks/prod.yaml", "vars: {stage: prod}\n", new Problems());
    second.keep();

    YamlFile third = memo.begin().read("stacks/dev.yaml", "vars: {stage: dev}\n", new Problems()).orElseThrow();

    assertThat(third).isNotSameAs(dev).isNotNull();
    assertThat(third.value()).isEqualTo(dev.value());
  }

  @Test
  void begin_seesWhatWasKeptWhenTheLoadBegan() {
    ParseMemo memo = new ParseMemo();
    ParseMemo.Load first = memo.begin();
    ParseMemo.Load concurrent = memo.begin();
    YamlFile a = first.read("stacks/dev.yaml", "vars: {stage: dev}\n", new Problems()).orElseThrow();
    first.keep();

    YamlFile b = concurrent.read("stacks/dev.yaml", "vars: {stage: dev}\n", new Problems()).orElseThrow();

    assertThat(b).isNotSameAs(a); // a load sees what was kept when it began
    assertThat(b.value()).isEqualTo(a.value());
  }
}
