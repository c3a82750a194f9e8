package io.chatroi.e2e;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.await;
import static io.chatroi.e2e.E2e.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo workspace (dev/demo-data through the gateway) that the browser tests read, loaded once per test JVM
 * whichever browser test class runs first: its demo campaign settled (nothing queued, two reads of its counters
 * agree) and the reports recomputed, so the tiles and the live lists count the same sends.
 */
final class DemoWorkspace {

    /** The demo campaign every browser test drills into. */
    static final String CAMPAIGN = "LED spring promotion";

    record Demo(String campaignId, ZoneId zone) {
    }

    private static Demo loaded;

    private DemoWorkspace() {
    }

    static synchronized Demo load() throws Exception {
        if (loaded != null) {
            return loaded;
        }
        ProcessBuilder loader = new ProcessBuilder("bash", Services.root().resolve("dev/demo-data").toString(),
                "http://127.0.0.1:" + Services.GATEWAY).redirectErrorStream(true)
                .redirectOutput(Services.root().resolve("e2e/target/demo-data.log").toFile());
        loader.environment().put("CHATROI_ADMIN_KEY", Services.ADMIN_KEY);
        loader.environment().remove("CHATROI_API_KEY");
        Process demo = loader.start();
        assertThat(demo.waitFor(5, TimeUnit.MINUTES)).as("dev/demo-data finished").isTrue();
        assertThat(demo.exitValue()).as("dev/demo-data exit code (e2e/target/demo-data.log)").isZero();
        String manager = key("manager", null);
        String campaignId = as(manager).get("/api/v1/campaigns?limit=500").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(c -> CAMPAIGN.equals(c.get("name")))
                .map(c -> (String) c.get("id")).findFirst().orElseThrow();
        // the simulated provider sends the demo campaign within a minute or two (sends deferred by the frequency cap
        // or quiet hours wait for later): the counters are read once nothing is queued and two reads agree
        String[] last = {""};
        await("the demo campaign's counters to settle", Duration.ofMinutes(4), () -> {
            JsonPath c = as(manager).get("/api/v1/campaigns/" + campaignId).then().extract().jsonPath();
            String now = c.getString("counters.sent") + "/" + c.getString("counters.delivered") + "/"
                    + c.getString("counters.read") + "/" + c.getString("counters.failed");
            boolean settled = c.getInt("counters.queued") == 0 && now.equals(last[0]);
            last[0] = now;
            sleep(2000);
            return settled ? true : null;
        });
        String run = as(manager).contentType("application/json").body("{}").post("/api/v1/recompute")
                .then().statusCode(202).extract().header("Location");
        await("the recompute to succeed", Duration.ofMinutes(3), () -> "succeeded".equals(
                as(manager).get(run).then().extract().path("status")) ? true : null);
        ZoneId zone = ZoneId.of(as(manager).get("/api/v1/settings").then().extract().path("timeZone"));
        loaded = new Demo(campaignId, zone);
        return loaded;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
