package io.chatroi.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatroi.gateway.routing.Upstream;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void sameNamedSchemasAreKeptOnceWhenEqualAndRenamedWhenNot() throws Exception {
        ObjectNode gateway = doc("{'openapi':'3.1.0','paths':{'/api/v1/api-keys':{'get':{'responses':{}}}},"
                + "'components':{'schemas':{'UUID':{'type':'string'}}}}");
        ObjectNode contacts = doc("{'paths':{'/api/v1/contacts':{'get':{'operationId':'listContacts','responses':{'200':{'content':{"
                + "'application/json':{'schema':{'$ref':'#/components/schemas/Page'}}}}}}}},"
                + "'components':{'schemas':{'UUID':{'type':'string'},'Page':{'type':'object','title':'contacts'}}}}");
        ObjectNode metrics = doc("{'paths':{'/api/v1/kpis':{'get':{'responses':{'200':{'content':{"
                + "'application/json':{'schema':{'$ref':'#/components/schemas/Page'}}}}}}},"
                + "'/api/v1/campaigns/{id}/experiment':{'get':{'summary':'metrics'}}},"
                + "'components':{'schemas':{'Page':{'type':'object','title':'metrics'}}}}");
        ObjectNode campaign = doc("{'paths':{'/api/v1/campaigns/{id}/experiment':{'get':{'summary':'campaign'}},"
                + "'/r/{code}':{'get':{'summary':'redirect'}}}}");

        ObjectNode merged = OpenApiMerger.merge(gateway, Map.of(Upstream.CONTACTS, Optional.of(contacts),
                Upstream.CAMPAIGN, Optional.of(campaign), Upstream.METRICS, Optional.of(metrics)), "1.0.0",
                "https://chatroi.example.org");

        assertThat(merged.at("/components/schemas").fieldNames()).toIterable()
                .containsExactly("MetricsPage", "Page", "UUID");
        assertThat(merged.at("/paths/~1api~1v1~1kpis/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/MetricsPage");
        assertThat(merged.at("/paths/~1api~1v1~1campaigns~1{id}~1experiment/get/summary").asText()).isEqualTo("metrics");
        assertThat(merged.at("/paths/~1r~1{code}/get/security").isArray()).isTrue();
        assertThat(merged.at("/paths/~1r~1{code}/get/security").size()).isZero();
        assertThat(merged.at("/security/0/bearer").isArray()).isTrue();
        assertThat(merged.at("/x-chatroi-sources/metrics-service").asText()).isEqualTo("ok");
        assertThat(merged.at("/paths/~1api~1v1~1contacts/get/operationId").asText()).isEqualTo("listContacts");
        assertThat(merged.at("/servers/0/url").asText()).isEqualTo("https://chatroi.example.org");
        assertThat(merged.has("x-chatroi-duplicate-operation-ids")).isFalse();
    }

    @Test
    void anOperationIdTwoServicesChoseIsListed() throws Exception {
        ObjectNode gateway = doc("{'paths':{}}");
        ObjectNode contacts = doc("{'paths':{'/api/v1/contacts':{'get':{'operationId':'list'}}}}");
        ObjectNode campaign = doc("{'paths':{'/api/v1/campaigns':{'get':{'operationId':'list'}}}}");
        ObjectNode merged = OpenApiMerger.merge(gateway, Map.of(Upstream.CONTACTS, Optional.of(contacts),
                Upstream.CAMPAIGN, Optional.of(campaign)), "1.0.0", "http://localhost:8080");
        assertThat(merged.at("/x-chatroi-duplicate-operation-ids/0").asText()).isEqualTo("list");
    }

    @Test
    void aMissingServiceIsListedAsUnavailable() throws Exception {
        ObjectNode gateway = doc("{'paths':{}}");
        ObjectNode merged = OpenApiMerger.merge(gateway, Map.of(Upstream.CONTACTS, Optional.empty()), "1.0.0",
                "http://localhost:8080");
        assertThat(merged.at("/x-chatroi-sources/contacts-service").asText()).isEqualTo("unavailable");
        assertThat(merged.at("/x-chatroi-sources/campaign-service").asText()).isEqualTo("unavailable");
        assertThat(merged.at("/info/title").asText()).isEqualTo("ChatROI API");
    }
}
