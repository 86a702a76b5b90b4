package io.jenkins.plugins.securedeploy.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Cvss3Test {
    @Test
    void shouldComputePublishedBaseScores() {
        assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H")).isEqualTo(9.1);
        assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).isEqualTo(9.8);
        assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")).isEqualTo(10.0);
        assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N")).isEqualTo(5.3);
        assertThat(Cvss3.baseScore("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N")).isEqualTo(4.8);
        assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:H")).isEqualTo(8.2);
        assertThat(Cvss3.baseScore("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N")).isEqualTo(0.0);
    }

    @Test
    void shouldReturnNanForAnythingElse() {
        assertThat(Cvss3.baseScore("AV:N/AC:L/Au:N/C:P/I:N/A:N")).isNaN();
        assertThat(Cvss3.baseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isNaN();
        assertThat(Cvss3.baseScore("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H")).isNaN();
        assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H")).isNaN();
        assertThat(Cvss3.baseScore(null)).isNaN();
    }
}
