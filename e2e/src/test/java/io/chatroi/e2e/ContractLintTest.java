package io.chatroi.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The merged document frontends generate clients from passes Redocly's recommended ruleset, warnings included. */
@ExtendWith(Stack.class)
class ContractLintTest {

    @Test
    void theMergedDocumentPassesRedoclyRecommendedWithNoErrorOrWarning() {
        assertThat(ContractTools.lint()).as("Redocly problems in the merged OpenAPI document").isEmpty();
    }
}
