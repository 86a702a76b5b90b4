package io.jenkins.plugins.securedeploy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FastParseTest {
    @Property(tries = 500)
    void shouldReadEveryInstantAsInstantParseDoes(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant t = Instant.ofEpochSecond(seconds, nanos);
        assertThat(FastParse.instant(t.toString())).isEqualTo(Instant.parse(t.toString()));
        Instant millis = Instant.ofEpochSecond(seconds, nanos / 1_000_000 * 1_000_000);
        assertThat(FastParse.instant(millis.toString())).isEqualTo(millis);
    }

    @Test
    void shouldLeaveEverythingElseToTheGeneralParsers() {
        assertThat(FastParse.instant("+12026-01-15T10:00:00Z")).isEqualTo(Instant.parse("+12026-01-15T10:00:00Z"));
        for (String odd : new String[] {"2026-01-15T24:00:00Z", "2026-01-15T10:00:00.Z", "2026-01-15t10:00:00Z"}) {
            assertThat(FastParse.instant(odd)).as(odd).isEqualTo(Instant.parse(odd));
        }
        for (String bad : new String[] {"2026-02-30T10:00:00Z", "2026-01-15T10:00:00.1234567890Z",
                "2026-1-15T10:00:00Z", "2026-01-15T10:61:00Z", "x"}) {
            assertThatThrownBy(() -> FastParse.instant(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
        String hex = "ab".repeat(32);
        assertThat(FastParse.digest("sha256:" + hex)).isEqualTo(Digest.parse("sha256:" + hex));
        assertThat(FastParse.digest("SHA-256:" + hex.toUpperCase(java.util.Locale.ROOT)))
                .isEqualTo(Digest.parse("sha256:" + hex));
        assertThatThrownBy(() -> FastParse.digest("sha256:" + "zz".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
