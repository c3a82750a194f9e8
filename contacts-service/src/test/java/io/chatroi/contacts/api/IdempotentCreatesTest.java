package io.chatroi.contacts.api;

import io.chatroi.common.testing.IdempotentCreateCheck;
import io.chatroi.common.testing.IdempotentCreateCheck.Create;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;

/** Every create of contacts-service honours Idempotency-Key: one line per create, each body new and valid. */
@QuarkusTest
class IdempotentCreatesTest {

    static Stream<Create> creates() {
        return Stream.of(
                IdempotentCreateCheck.of("/api/v1/contacts", () -> Map.of("phone", berlinPhone())),
                IdempotentCreateCheck.of("/api/v1/deals", () -> Map.of("stage", "inquiry",
                        "contactId", createContact(Map.of("phone", berlinPhone())))),
                IdempotentCreateCheck.of("/api/v1/tags", () -> Map.of("name", "idempotent " + unique())),
                IdempotentCreateCheck.of("/api/v1/segments", () -> Map.of("name", "Idempotent " + unique(),
                        "filter", Map.of("stages", java.util.List.of("new")))),
                IdempotentCreateCheck.of("/api/v1/classification-rules", () -> Map.of("kind", "intent",
                        "label", "high", "phrase", "idempotent " + unique())));
    }

    @ParameterizedTest
    @MethodSource("creates")
    void replaysTheFirstAnswerAndRefusesAnotherBody(Create create) {
        IdempotentCreateCheck.check(create);
    }

    /** A create under a contact: its path names a contact this test makes first. */
    @Test
    void anInteractionIsRecordedOncePerKey() {
        String contact = createContact(Map.of("phone", berlinPhone()));
        IdempotentCreateCheck.check(IdempotentCreateCheck.of("/api/v1/contacts/" + contact + "/interactions",
                () -> Map.of("direction", "inbound", "text", "idempotent " + unique())));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
