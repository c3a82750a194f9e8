package io.chatroi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merged document frontends generate clients from passes Redocly's recommended ruleset, warnings included, and
 * the dashboard's generated types were made from this very document.
 */
@ExtendWith(Stack.class)
class ContractLintTest {

    @Test
    void theMergedDocumentPassesRedoclyRecommendedWithNoErrorOrWarning() {
        assertThat(ContractTools.lint()).as("Redocly problems in the merged OpenAPI document").isEmpty();
    }

    @Test
    void theDashboardsTypesComeFromTheDocumentTheStackServes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path committed = Services.root().resolve("gateway/src/main/resources/web/api/openapi.json");
        JsonNode served = json.readTree(MergedContract.DOCUMENT.toFile());
        JsonNode kept = json.readTree(committed.toFile());
        // the servers entry names the address the document was fetched from (the e2e port base), not the contract
        ((ObjectNode) served).remove("servers");
        ((ObjectNode) kept).remove("servers");
        assertThat(kept)
                .as("gateway/src/main/resources/web/api/openapi.json is out of date: run dev/dashboard-types "
                        + "e2e/target/openapi-merged.json (it writes openapi.json and openapi.d.ts) and commit both")
                .isEqualTo(served);
    }
}
