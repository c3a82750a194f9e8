package io.chatroi.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running stack for every e2e test class: the four services start once per test JVM (the first class that needs
 * them) and stop when JUnit closes its root store, so adding a test class costs no second start. Each class
 * annotated {@code @ExtendWith(Stack.class)} reads {@link #services()} and talks to the gateway through rest-assured.
 */
public final class Stack implements BeforeAllCallback {

    private static final String KEY = "chatroi-e2e-stack";

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeFalse("off".equalsIgnoreCase(System.getenv("CHATROI_E2E")), "CHATROI_E2E=off");
        var missing = Services.missingJars(Services.root());
        Assumptions.assumeTrue(missing.isEmpty(), "packaged services missing (run ./mvnw -B verify): " + missing);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(KEY, key -> {
            Services started = new Services(Services.root());
            try {
                started.start();
            } catch (Exception e) {
                try {
                    started.close();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the e2e stack did not start; see e2e/target/e2e-logs/", e);
            }
            running = started;
            return (ExtensionContext.Store.CloseableResource) () -> {
                MergedContract.report();
                started.close();
            };
        });
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = Services.GATEWAY;
        // money and rates compare as doubles (closeTo), whole counts stay integers
        RestAssured.config = RestAssured.config().jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        MergedContract.install(Services.GATEWAY);
    }

    private static volatile Services running;

    /** The running stack (after {@link #beforeAll}). */
    public static Services services() {
        return running;
    }
}
