package io.chatroi.common.web;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

    @Test
    void aSaneIdIsKeptAndAnythingElseReplacedByARandomVersion4Uuid() {
        assertThat(RequestIdFilter.accept("req-1:a.b_c")).isEqualTo("req-1:a.b_c");
        Set<String> generated = new HashSet<>();
        for (String presented : new String[]{null, "", "has space", "x".repeat(129), "<script>"}) {
            String id = RequestIdFilter.accept(presented);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            generated.add(id);
        }
        assertThat(generated).hasSize(5);
    }
}
