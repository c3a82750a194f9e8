package io.chatroi.e2e;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static io.chatroi.e2e.E2e.as;

/**
 * The e2e stack stays live while a browser test reads it: the simulated provider posts statuses after a send, the
 * outboxes forward them a moment later, and the classes before leave such work in flight. A check that compares a
 * number on the page with the API's list can then fail because a record changed between the two reads, not because
 * they disagree. {@link #retryIfMoved} tells the two apart: it snapshots what the check depends on before and after
 * the check; a failure with equal snapshots is real and stands, and a failure while the data moved is run again, a
 * bounded number of times.
 */
final class MovingData {

    /** A check that may throw an assertion error. */
    interface Check {
        void run() throws Exception;
    }

    private MovingData() {
    }

    static void retryIfMoved(String what, Supplier<List<String>> snapshot, int attempts, Check check) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Set<String> before = new HashSet<>(snapshot.get());
            try {
                check.run();
                return;
            } catch (AssertionError failure) {
                Set<String> after = new HashSet<>(snapshot.get());
                if (before.equals(after) || attempt >= attempts) {
                    throw failure;
                }
                Set<String> gone = new HashSet<>(before);
                gone.removeAll(after);
                Set<String> arrived = new HashSet<>(after);
                arrived.removeAll(before);
                System.out.printf("[moving data] %s changed during attempt %d (before only: %s; after only: %s), "
                        + "checking again%n", what, attempt, gone, arrived);
            }
        }
    }

    /** Every contact key can see, as "id intent activity customerClass", read through the API page by page. */
    static List<String> contactTiers(String key) {
        List<String> tiers = new ArrayList<>();
        String after = null;
        do {
            var request = as(key).queryParam("limit", 500);
            JsonPath page = (after == null ? request : request.queryParam("after", after))
                    .get("/api/v1/contacts").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            List<Object> intents = page.getList("items.intent");
            List<Object> activities = page.getList("items.activity");
            List<Object> classes = page.getList("items.customerClass");
            for (int i = 0; i < ids.size(); i++) {
                tiers.add(ids.get(i) + " " + intents.get(i) + " " + activities.get(i) + " " + classes.get(i));
            }
            after = page.getString("nextCursor");
        } while (after != null);
        return tiers;
    }
}
