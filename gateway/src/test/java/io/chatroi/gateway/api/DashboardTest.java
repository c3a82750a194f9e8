package io.chatroi.gateway.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.chatroi.gateway.api.Keys.ADMIN;
import static io.chatroi.gateway.api.Keys.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The dashboard the gateway serves at /app/, and the "who am I" call it starts with. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class DashboardTest {

    @Test
    void theDashboardPageAndItsBundleAreServedUnderAppWithTheirOwnPolicy() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/app/");
        given().redirects().follow(false).get("/app").then().statusCode(302).header("Location", "/app/");
        String page = given().get("/app/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .extract().asString();
        assertThat(page).contains("<chatroi-app>");
        Matcher script = Pattern.compile("src=\"(/app/bundle/main-[A-Z0-9]+\\.js)\"").matcher(page);
        assertThat(script.find()).as("the page names its bundled script").isTrue();
        String bundle = given().get(script.group(1)).then().statusCode(200).extract().asString();
        assertThat(bundle).contains("customElements.define(\"chatroi-app\"");
        // the API keeps its strict policy
        as(ADMIN).get("/api/v1/me").then().header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
    }

    @Test
    void everyRoleMayAskWhoItIsAndAnAgentLearnsItsOwner() {
        as(ADMIN).get("/api/v1/me").then().statusCode(200).body("role", equalTo("admin")).body("owner", nullValue());
        String viewer = Keys.create("viewer", null);
        as(viewer).get("/api/v1/me").then().statusCode(200).body("role", equalTo("viewer"));
        as(Keys.create("agent", "alice")).get("/api/v1/me").then().statusCode(200)
                .body("role", equalTo("agent")).body("owner", equalTo("alice"));
        given().get("/api/v1/me").then().statusCode(401);
        as(viewer).contentType("application/json").body("{}").post("/api/v1/me").then().statusCode(403);
    }
}
