package io.chatroi.campaigns.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetaErrorClassTest {

    @Test
    void metaCodesFoldIntoAFewClassesSoALabelNeverCarriesTheCode() {
        assertThat(MetaErrorClass.of(null)).isEqualTo("none");
        assertThat(MetaErrorClass.of(130429)).isEqualTo("throttling");
        assertThat(MetaErrorClass.of(80007)).isEqualTo("throttling");
        assertThat(MetaErrorClass.of(4)).isEqualTo("throttling");
        assertThat(MetaErrorClass.of(131026)).isEqualTo("recipient");
        assertThat(MetaErrorClass.of(131050)).isEqualTo("recipient");
        assertThat(MetaErrorClass.of(132001)).isEqualTo("template");
        assertThat(MetaErrorClass.of(133010)).isEqualTo("account");
        assertThat(MetaErrorClass.of(190)).isEqualTo("account");
        assertThat(MetaErrorClass.of(100)).isEqualTo("request");
        assertThat(MetaErrorClass.of(2494100)).isEqualTo("other");
    }
}
