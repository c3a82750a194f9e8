package io.chatroi.campaigns.campaign;

import io.chatroi.common.testing.IdempotentCreateCheck;
import io.chatroi.common.testing.IdempotentCreateCheck.Create;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.chatroi.campaigns.campaign.CampaignFixtures.campaign;
import static io.chatroi.campaigns.campaign.CampaignFixtures.template;

/** Every create of campaign-service honours Idempotency-Key: one line per create, each body new and valid. */
@QuarkusTest
@QuarkusTestResource(FakeContactsService.class)
class IdempotentCreatesTest {

    static Stream<Create> creates() {
        return Stream.of(
                IdempotentCreateCheck.of("/api/v1/templates", () -> Map.of("name", "idempotent_" + unique(),
                        "language", "en_US", "category", "utility", "body", "Your order {{1}} is on its way")),
                IdempotentCreateCheck.of("/api/v1/campaigns", () -> campaign(
                        Map.of("filter", Map.of("tagsAll", List.of("vip"))), 0, template("marketing"))),
                IdempotentCreateCheck.of("/api/v1/conversations/resolutions", () -> Map.of(
                        "contactId", FakeContactsService.contactId(1_000).toString(), "by", "bot-" + unique())));
    }

    @ParameterizedTest
    @MethodSource("creates")
    void replaysTheFirstAnswerAndRefusesAnotherBody(Create create) {
        IdempotentCreateCheck.check(create);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
