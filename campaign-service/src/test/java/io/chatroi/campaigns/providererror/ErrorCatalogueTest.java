package io.chatroi.campaigns.providererror;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCatalogueTest {

    @Test
    void everyCodeTheProductMeetsIsExplained() {
        for (int code : new int[]{131026, 131047, 131049, 131050, 131051, 131053, 131056, 130429, 130472, 131031,
                132000, 132001, 132015, 132016, 80007}) {
            ErrorCode entry = ErrorCatalogue.explain(code);
            assertThat(entry.title()).as("title of " + code).isNotEqualTo("Unknown error");
            assertThat(entry.meaning()).as("meaning of " + code).isNotBlank();
            assertThat(entry.action()).as("action of " + code).isNotBlank();
        }
        assertThat(ErrorCatalogue.explain(130429).retryable()).isTrue();
        assertThat(ErrorCatalogue.explain(131026).retryable()).isFalse();
    }

    @Test
    void anUnknownCodeStillGetsAnExplanation() {
        assertThat(ErrorCatalogue.explain(999999)).satisfies(e -> {
            assertThat(e.code()).isEqualTo(999999);
            assertThat(e.title()).isEqualTo("Unknown error");
        });
        assertThat(ErrorCatalogue.all()).extracting(ErrorCode::code).isSorted().doesNotHaveDuplicates();
    }
}
