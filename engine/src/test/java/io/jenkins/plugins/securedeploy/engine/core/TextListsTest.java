package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The list fields of the Pipeline steps as the Snippet Generator's text boxes and Jenkinsfiles give them (issue 11 D). */
class TextListsTest {
    @Test
    void shouldTurnTwoLinesIntoTwoIdsAndAnEmptyBoxIntoNoId() {
        assertThat(TextLists.parse("bandit\nshellcheck")).containsExactly("bandit", "shellcheck");
        assertThat(TextLists.parse("bandit\r\nshellcheck\r\n")).containsExactly("bandit", "shellcheck");
        assertThat(TextLists.parse("")).isEmpty();
        assertThat(TextLists.parse("  \n \n")).isEmpty();
        assertThat(TextLists.parse(null)).isEmpty();
    }

    @Test
    void shouldAcceptCommasTrimAndDropDuplicatesKeepingTheFirstOrder() {
        assertThat(TextLists.parse(" trivy , bandit,\n\nbandit ,shellcheck"))
                .containsExactly("trivy", "bandit", "shellcheck");
    }

    @Test
    void shouldNormaliseListsFromAJenkinsfileTheSameWay() {
        assertThat(TextLists.normalise(List.of("bandit", "shellcheck"))).containsExactly("bandit", "shellcheck");
        assertThat(TextLists.normalise(List.of(""))).as("['']").isEmpty();
        assertThat(TextLists.normalise(List.of("bandit\nshellcheck"))).as("an old textarea snippet")
                .containsExactly("bandit", "shellcheck");
        assertThat(TextLists.normalise(Arrays.asList("a", null, " a "))).containsExactly("a");
        assertThat(TextLists.normalise(null)).isEmpty();
    }

    @Test
    void shouldShowOneItemPerLine() {
        assertThat(TextLists.format(List.of("package-lock.json", "poetry.lock"))).isEqualTo("package-lock.json\npoetry.lock");
        assertThat(TextLists.format(List.of())).isEmpty();
        assertThat(TextLists.format(null)).isEmpty();
    }

    @Property
    void shouldReadBackWhatItShows(@ForAll List<@AlphaChars @StringLength(min = 1, max = 12) String> ids) {
        List<String> normal = TextLists.normalise(ids);
        assertThat(TextLists.parse(TextLists.format(normal))).isEqualTo(normal);
    }
}
