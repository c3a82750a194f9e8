package io.chatroi.common.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator sees our 3.1 contracts as 3.0 with the same meaning: types, nulls and formats are all checked. */
class OpenApi30ViewTest {

    private static final String CONTRACT = """
            openapi: 3.1.0
            info: {title: t, version: "1", license: {name: Apache 2.0, url: "https://www.apache.org/licenses/LICENSE-2.0"}}
            paths:
              /x:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/X"}
            components:
              schemas:
                Instant: {type: string, format: date-time, examples: ["2022-03-10T16:15:50Z"]}
                Inner: {type: object, properties: {a: {type: string}}}
                X:
                  type: object
                  required: [name, count, at, inner]
                  properties:
                    name: {type: [string, "null"]}
                    count: {type: integer}
                    at:
                      type: [string, "null"]
                      anyOf: [{$ref: "#/components/schemas/Instant"}, {type: "null"}]
                    inner:
                      anyOf: [{$ref: "#/components/schemas/Inner"}, {type: "null"}]
            """;

    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator
            .createForInlineApiSpecification(OpenApi30View.of(CONTRACT)).build();

    private boolean valid(String body) {
        return !validator.validateResponse("/x", Request.Method.GET, SimpleResponse.Builder.ok()
                .withContentType("application/json").withBody(body).build()).hasErrors();
    }

    @Test
    void nullsPassWhereTheContractAllowsThemAndTypesAreChecked() {
        assertThat(valid("{\"name\":null,\"count\":1,\"at\":null,\"inner\":null}")).isTrue();
        assertThat(valid("{\"name\":\"n\",\"count\":1,\"at\":\"2026-12-01T10:00:00Z\",\"inner\":{\"a\":\"b\"}}")).isTrue();
        assertThat(valid("{\"name\":\"n\",\"count\":\"one\",\"at\":null,\"inner\":null}")).as("string for integer").isFalse();
        assertThat(valid("{\"name\":\"n\",\"count\":null,\"at\":null,\"inner\":null}")).as("null where not nullable").isFalse();
        assertThat(valid("{\"name\":\"n\",\"count\":1,\"at\":\"yesterday\",\"inner\":null}")).as("not a date-time").isFalse();
        assertThat(valid("{\"name\":\"n\",\"count\":1,\"at\":null}")).as("a required member missing").isFalse();
        assertThat(valid("{\"name\":\"n\",\"count\":1,\"at\":null,\"inner\":null,\"extra\":1}")).as("undocumented").isFalse();
    }
}
