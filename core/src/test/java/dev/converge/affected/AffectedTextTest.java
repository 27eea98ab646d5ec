package dev.converge.affected;

import static dev.converge.testing.ExpectedFiles.assertMatches;
import static dev.converge.testing.TestData.chain;
import static dev.converge.testing.TestData.desired;
import static dev.converge.testing.TestData.instance;

import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The affected renderings of a vpc change with dependents and a catalog import, against reviewed files. */
class AffectedTextTest {

  static AffectedReport report() {
    List<Instance> base = new ArrayList<>();
    List<Instance> head = new ArrayList<>();
    for (String stack : new String[] {"dev/us-east-1", "staging/us-east-1", "prod/us-east-1"}) {
      Instance vpc = instance(stack, "vpc").withVars(Map.of("enable_dns_support", false)).withImports(List.of("catalog/vpc"));
      Instance eks = instance(stack, "eks").withDependsOn(List.of(InstanceId.of(stack, "vpc")));
      base.add(vpc);
      base.add(eks);
      head.add(vpc.withSourceDigest("src-vpc-v3").withVars(Map.of("enable_dns_support", true)).withConfigDigest("new"));
      head.add(eks);
    }
    base.add(instance("prod/us-east-1", "legacy"));
    DesiredState after = DesiredState.builder().revision(Revision.of("def4567890")).addAllInstances(head).build();
    return Affected.of(chain()).between(desired(base), after,
        List.of("components/terraform/vpc/main.tf", "stacks/catalog/vpc.yaml"));
  }

  @Test
  void render_text_matchesReviewedFile() {
    assertMatches("affected/vpc-change.txt", AffectedText.render(report()));
  }

  @Test
  void markdown_matchesReviewedFile() {
    assertMatches("affected/vpc-change.md", AffectedText.markdown(report()));
  }
}
