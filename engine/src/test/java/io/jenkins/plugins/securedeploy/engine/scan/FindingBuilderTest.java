package io.jenkins.plugins.securedeploy.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link FindingBuilder#ids(List)} gives the finding {@link FindingBuilder#id} would give for each id in turn - the
 * same ids in the same order and the same computed fingerprint - whether the list is kept as it is (a shared,
 * immutable list) or not (blank or repeated ids, ids added before or after it, a mutable list changed later).
 */
class FindingBuilderTest {
    private static Finding built(Consumer<FindingBuilder> ids) {
        FindingBuilder b = Finding.builder("tool", "rule").location(Location.ofFile("a.js"));
        ids.accept(b);
        return b.build();
    }

    private static void assertSameAsOneByOne(List<String> before, List<String> values, List<String> after) {
        Finding bulk = built(b -> {
            before.forEach(b::id);
            b.ids(values);
            after.forEach(b::id);
        });
        Finding single = built(b -> {
            before.forEach(b::id);
            values.forEach(b::id);
            after.forEach(b::id);
        });
        assertThat(bulk).isEqualTo(single);
        assertThat(bulk.fingerprint()).isEqualTo(single.fingerprint());
    }

    @Test
    void idsAddedAsAListAreWhatAddingEachGives() {
        List<List<String>> lists = List.of(List.of(), List.of("CWE-79"), List.of("CWE-79", "CWE-89"),
                List.of("CWE-79", "CWE-79"), List.of(" ", "CWE-1"), List.of("CWE-2", ""), List.of("b", "a", "b"));
        List<List<String>> around = List.of(List.of(), List.of("CWE-79"), List.of("x", ""));
        for (List<String> values : lists) {
            for (List<String> before : around) {
                for (List<String> after : around) {
                    assertSameAsOneByOne(before, values, after);
                }
            }
        }
    }

    @Test
    void aSharedListIsKeptAsItIsAndNeverChanged() {
        List<String> shared = List.of("CWE-79", "CWE-89");
        Finding f = built(b -> b.ids(shared));
        assertThat(f.ids()).isSameAs(shared);
        Finding more = built(b -> b.ids(shared).id("CWE-1"));
        assertThat(more.ids()).containsExactly("CWE-79", "CWE-89", "CWE-1");
        assertThat(shared).containsExactly("CWE-79", "CWE-89");
        Finding twice = built(b -> b.ids(shared).ids(List.of("CWE-89", "CWE-2")));
        assertThat(twice.ids()).containsExactly("CWE-79", "CWE-89", "CWE-2");
    }

    @Test
    void aMutableListChangedAfterwardsDoesNotChangeTheFinding() {
        List<String> mutable = new ArrayList<>(List.of("CWE-79"));
        FindingBuilder b = Finding.builder("tool", "rule").ids(mutable);
        mutable.add("CWE-89");
        assertThat(b.build().ids()).containsExactly("CWE-79");
    }
}
