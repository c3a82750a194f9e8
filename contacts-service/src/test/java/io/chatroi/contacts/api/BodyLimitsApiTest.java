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

    /** {@code bytes} bytes of {@code c}, made as they are read: the test holds no copy of the giant cell either. */
    private static InputStream repeated(char c, long bytes) {
        return new InputStream() {
            private long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? c : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) c);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void aTenMegabyteCellRejectsItsRowAloneAndTheRowsAroundItImport() throws Exception {
        String before = berlinPhone();
        String giant = berlinPhone();
        String quotedGiant = berlinPhone();
        String after = berlinPhone();
        // a 10 MB plain cell, then a 5 MB quoted cell whose line breaks and "" must not end its row early
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                text("phone,name,plan\n", before + ",Before,gold\n", giant + ",Giant,"),
                repeated('x', 10_000_000),
                text("\n" + quotedGiant + ",\"Quoted\",\"\n" + after + ",Not a row,\"\"\n"),
                repeated('y', 5_000_000),
                text("\"\n", after + ",After,silver\n"))));
        HttpResponse<String> answer = chunked("/api/v1/contacts/import", "text/csv", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String tooLong = ": the row is longer than 131072 characters (a row the rules accept is far shorter);"
                + " it was skipped unread";
        assertThat(answer.body()).isEqualTo("{\"created\":2,\"updated\":0,\"rejected\":["
                + "{\"line\":3,\"reason\":\"attributes.plan" + tooLong + "\"},"
                + "{\"line\":4,\"reason\":\"attributes.plan" + tooLong + "\"}],\"tagsCreated\":[]}");
        given().get("/api/v1/contacts?q=" + before.substring(1)).then().statusCode(200)
                .body("items[0].name", org.hamcrest.Matchers.equalTo("Before"))
                .body("items[0].attributes.plan", org.hamcrest.Matchers.equalTo("gold"));
        given().get("/api/v1/contacts?q=" + after.substring(1)).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].name", org.hamcrest.Matchers.equalTo("After"));
        for (String phone : List.of(giant, quotedGiant)) {
            given().get("/api/v1/contacts?q=" + phone.substring(1)).then().statusCode(200).body("items", hasSize(0));
        }
    }

    @Test
    void aCsvBodyOverTheBulkLimitIsRefusedWholeAndWritesNothing() throws Exception {
        String phone = berlinPhone();
        // a valid first row, then short rows past the 64 MiB bulk limit: the whole import is refused
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                text("phone,name,plan\n", phone + ",First,gold\n"), repeated('\n', 65L * 1024 * 1024))));
        try {
            HttpResponse<String> answer = chunked("/api/v1/contacts/import", "text/csv", body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        } catch (IOException closed) {
            // the service may close the connection before the client has read the 413: a refusal too
        }
        given().get("/api/v1/contacts?q=" + phone.substring(1)).then().statusCode(200).body("items", hasSize(0));
    }
}
