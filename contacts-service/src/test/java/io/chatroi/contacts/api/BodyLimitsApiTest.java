package io.chatroi.contacts.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/**
 * What a request may make a service buffer: a body without a declared length (chunked) is cut at its route's limit
 * while it is read, and the CSV import streams a chunked upload row by row. Sent with the JDK client, which streams
 * an InputStream body chunked (rest-assured would declare the length).
 */
@QuarkusTest
class BodyLimitsApiTest {

    @TestHTTPResource("/")
    URI base;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> chunked(String path, String type, InputStream body) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static InputStream text(String... parts) {
        return new SequenceInputStream(Collections.enumeration(java.util.Arrays.stream(parts)
                .map(p -> (InputStream) new ByteArrayInputStream(p.getBytes(StandardCharsets.UTF_8))).toList()));
    }

    @Test
    void aChunkedJsonBodyIsCutAtTheJsonLimitAndWritesNothing() throws Exception {
        String phone = berlinPhone();
        // 2 MiB of attribute without a declared length, against the JSON routes' 1 MiB
        InputStream body = text("{\"phone\":\"" + phone + "\",\"name\":\"Big\",\"attributes\":{\"note\":\"",
                "x".repeat(2 * 1024 * 1024), "\"}}");
        try {
            HttpResponse<String> answer = chunked("/api/v1/contacts", "application/json", body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        } catch (IOException closed) {
            // the service may close the connection before the client has read the 413: a refusal too
        }
        given().get("/api/v1/contacts?q=" + phone.substring(1)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aChunkedCsvImportIsReadAsItArrives() throws Exception {
        String first = berlinPhone();
        String second = berlinPhone();
        HttpResponse<String> answer = chunked("/api/v1/contacts/import", "text/csv",
                text("phone,name\n", first + ",Streamed One\n", second + ",Streamed Two\n"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"created\":2");
        for (String phone : List.of(first, second)) {
            given().get("/api/v1/contacts?q=" + phone.substring(1)).then().statusCode(200).body("items", hasSize(1));
        }
    }
}
