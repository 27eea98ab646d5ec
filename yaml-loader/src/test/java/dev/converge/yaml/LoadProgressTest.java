package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadProgressTest {

  private record Call(LoadProgress.Stage stage, int done, int total) {}

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 4})
  void load_exampleEstate_toldOncePerManifestAndUntilEveryComponentIsBuilt(int threads) {
    List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    AtmosSnapshot snapshot = AtmosRepository.builder(ExampleEstateEngineTest.ESTATE).parallelism(threads)
        .progress((stage, done, total) -> calls.add(new Call(stage, done, total))).build().load();
    int manifests = snapshot.manifests().size();
    int components = snapshot.components().size();

    List<Call> read = calls.stream().filter(c -> c.stage() == LoadProgress.Stage.MANIFESTS).toList();
    List<Call> built = calls.stream().filter(c -> c.stage() == LoadProgress.Stage.COMPONENTS).toList();
    assertThat(read).hasSize(manifests).allSatisfy(c -> assertThat(c.total()).isEqualTo(manifests));
    assertThat(read.stream().map(Call::done).sorted().toList())
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, manifests).boxed().toList());
    assertThat(built).isNotEmpty().allSatisfy(c -> {
      assertThat(c.total()).isEqualTo(components);
      assertThat(c.done()).isBetween(1, components);
    });
    assertThat(built.stream().mapToInt(Call::done).max()).hasValue(components);
    // every manifest is read before the first component is built
    assertThat(calls.indexOf(built.get(0))).isGreaterThanOrEqualTo(manifests);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void load_withAListener_sameSnapshotAsWithout(int threads) {
    Path estate = ExampleEstateEngineTest.ESTATE;
    AtmosSnapshot told = AtmosRepository.builder(estate).parallelism(threads).progress((s, d, t) -> { }).build().load();
    AtmosSnapshot untold = AtmosRepository.builder(estate).parallelism(threads).build().load();

    assertThat(told.desiredState()).isEqualTo(untold.desiredState());
    assertThat(told.components()).isEqualTo(untold.components());
  }
}
