package io.chatroi.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services (target/quarkus-app/quarkus-run.jar of each module) started as separate JVMs on ports
 * 19080-19083 (base CHATROI_E2E_PORT_BASE, default 19080; their management ports, /q/metrics, at base+10..+13) against PostgreSQL databases {@code <db><suffix>}
 * (suffix CHATROI_E2E_DB_SUFFIX, else CHATROI_TEST_DB_SUFFIX, default {@code _test}:
 * dev/test creates them; Flyway cleans them at start here), wired as in production: gateway in front, internal
 * token, bootstrap admin key; on demand a second campaign-service on base+4 runs with the Twilio provider. Logs go to
 * e2e/target/e2e-logs/.
 */
final class Services implements AutoCloseable {

    private static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("CHATROI_E2E_PORT_BASE", "19080"));
    static final int GATEWAY = PORT_BASE;
    /** The gateway's rate limit per key in the e2e stack. */
    static final int RATE_PER_SECOND = 2;
    static final int RATE_BURST = 400;
    static final int CONTACTS = PORT_BASE + 1;
    static final int CAMPAIGN = PORT_BASE + 2;
    static final int METRICS = PORT_BASE + 3;
    /** A second campaign-service, started on demand with CAMPAIGN_PROVIDER=twilio ({@link #startTwilioCampaigns}). */
    static final int TWILIO_CAMPAIGN = PORT_BASE + 4;
    /** The management port (/q/metrics) of the service on {@code port}: 10 above it. */
    static int managementPort(int port) {
        return port + 10;
    }
    static final String ADMIN_KEY = "e2e-admin-key-" + Long.toHexString(System.nanoTime());
    static final String INTERNAL_TOKEN = "e2e-internal-" + Long.toHexString(System.nanoTime());
    static final String APP_SECRET = "e2e-app-secret";
    static final String SHOPIFY_SECRET = "e2e-shopify-secret";
    static final String TWILIO_SID = "ACe2e0000000000000000000000000000";
    static final String TWILIO_TOKEN = "e2e-twilio-auth-token";
    static final String TWILIO_FROM = "whatsapp:+15550002222";
    /** The template name the Twilio deployment maps to a Content API sid (TWILIO_CONTENT_SIDS). */
    static final String TWILIO_TEMPLATE = "e2e_twilio_offer";
    static final String TWILIO_CONTENT_SID = "HX0e2e0000000000000000000000000001";

    private final Path root;
    private final List<Process> processes = new ArrayList<>();

    Services(Path root) {
        this.root = root;
    }

    /** A service's log so far. */
    String log(String module) throws IOException {
        return Files.readString(root.resolve("e2e/target/e2e-logs/" + module + ".log"));
    }

    static Path root() {
        return Path.of(System.getProperty("chatroi.root", "..")).toAbsolutePath().normalize();
    }

    /** Which jars are missing (empty when all four are built). */
    static List<String> missingJars(Path root) {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("gateway", "contacts-service", "campaign-service", "metrics-service")) {
            if (!Files.exists(jar(root, module))) {
                missing.add(jar(root, module).toString());
            }
        }
        return missing;
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String suffix() {
        return System.getenv().getOrDefault("CHATROI_E2E_DB_SUFFIX",
                System.getenv().getOrDefault("CHATROI_TEST_DB_SUFFIX", "_test"));
    }

    private static Map<String, String> common() {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("CHATROI_INTERNAL_TOKEN", INTERNAL_TOKEN);
        common.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        common.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        common.put("CONTACTS_URL", "http://127.0.0.1:" + CONTACTS);
        common.put("CAMPAIGN_URL", "http://127.0.0.1:" + CAMPAIGN);
        common.put("METRICS_URL", "http://127.0.0.1:" + METRICS);
        common.put("CHATROI_PUBLIC_URL", "http://127.0.0.1:" + GATEWAY);
        common.put("CHATROI_TIME_ZONE", "UTC");
        common.put("CHATROI_CURRENCY", "USD");
        common.put("CHATROI_ACCESS_LOG", "true");
        return common;
    }

    void start() throws Exception {
        String suffix = suffix();
        Map<String, String> common = common();
        Map<String, String> contacts = new LinkedHashMap<>(common);
        contacts.put("CHATROI_DATABASE", "contacts" + suffix);
        contacts.put("CHATROI_CONTACTS_RETIER_CRON", "off");
        // as on Kubernetes: JSON log lines (ObservabilityE2eTest reads the trace id from them)
        contacts.put("CHATROI_LOG_FORMAT", "json");
        Map<String, String> campaign = new LinkedHashMap<>(common);
        campaign.put("CHATROI_DATABASE", "campaigns" + suffix);
        campaign.put("CAMPAIGN_PROVIDER", "simulated");
        campaign.put("WHATSAPP_APP_SECRET", APP_SECRET);
        campaign.put("WHATSAPP_VERIFY_TOKEN", "e2e-verify");
        campaign.put("SHOPIFY_WEBHOOK_SECRET", SHOPIFY_SECRET);
        // every message delivered and read, nobody replies by chance: the test posts the replies itself
        campaign.put("CHATROI_SIMULATED_FAILED_RATE", "0");
        campaign.put("CHATROI_SIMULATED_DELIVERED_RATE", "1");
        campaign.put("CHATROI_SIMULATED_READ_RATE", "1");
        campaign.put("CHATROI_SIMULATED_REPLY_RATE", "0");
        campaign.put("CHATROI_SIMULATED_STOP_RATE", "0");
        campaign.put("CHATROI_SIMULATED_CLICK_RATE", "0");
        Map<String, String> metrics = new LinkedHashMap<>(common);
        metrics.put("CHATROI_DATABASE", "metrics" + suffix);
        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("CHATROI_DATABASE", "gateway" + suffix);
        gateway.put("CHATROI_ADMIN_KEY", ADMIN_KEY);
        // a large burst for the walks, and a refill so slow that the rate-limit test's 800 requests exceed it on a
        // machine of any speed (at 50/s, a slow run refilled faster than it asked, and saw no 429)
        gateway.put("CHATROI_RATE_LIMIT_PER_SECOND", Integer.toString(RATE_PER_SECOND));
        gateway.put("CHATROI_RATE_LIMIT_BURST", Integer.toString(RATE_BURST));

        start("contacts-service", CONTACTS, contacts);
        start("campaign-service", CAMPAIGN, campaign);
        start("metrics-service", METRICS, metrics);
        start("gateway", GATEWAY, gateway);
        for (int port : new int[]{CONTACTS, CAMPAIGN, METRICS, GATEWAY}) {
            awaitReady(port, startTimeout());
        }
    }

    /**
     * The same packaged campaign-service deployed as a Twilio customer runs it: CAMPAIGN_PROVIDER=twilio against
     * {@code twilioApiUrl} (the test's stand-in), its own database {@code campaigns_twilio<suffix>} (dev/test creates
     * it), the stack's contacts-service for audiences, eligibility and the inbound outbox, and its own address as the
     * public URL Twilio signs its callbacks over. Stops with the stack. The provider is a deployment setting, so the
     * Twilio walk needs a deployment of its own rather than a campaign field.
     */
    synchronized void startTwilioCampaigns(String twilioApiUrl) throws Exception {
        if (twilioStarted) {
            return;
        }
        Map<String, String> env = common();
        env.put("CHATROI_DATABASE", "campaigns_twilio" + suffix());
        env.put("CHATROI_PUBLIC_URL", "http://127.0.0.1:" + TWILIO_CAMPAIGN);
        env.put("CAMPAIGN_PROVIDER", "twilio");
        env.put("TWILIO_API_URL", twilioApiUrl);
        env.put("TWILIO_ACCOUNT_SID", TWILIO_SID);
        env.put("TWILIO_AUTH_TOKEN", TWILIO_TOKEN);
        env.put("TWILIO_FROM", TWILIO_FROM);
        env.put("TWILIO_CONTENT_SIDS", TWILIO_TEMPLATE + "=" + TWILIO_CONTENT_SID);
        env.put("WHATSAPP_APP_SECRET", APP_SECRET);
        Process process = start("campaign-service", "campaign-service-twilio", TWILIO_CAMPAIGN, env);
        twilioStarted = true;
        long deadline = System.nanoTime() + startTimeout().toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                awaitReady(TWILIO_CAMPAIGN, Duration.ofSeconds(5));
                return;
            } catch (IllegalStateException notYet) {
                // still starting
            }
        }
        throw new IllegalStateException("the Twilio campaign-service did not start (does database campaigns_twilio"
                + suffix() + " exist? dev/test creates it); see e2e/target/e2e-logs/campaign-service-twilio.log");
    }

    private boolean twilioStarted;

    private static Duration startTimeout() {
        // a loaded 2-core machine starts a service in over two minutes
        return Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("CHATROI_E2E_START_SECONDS", "300")));
    }

    private void start(String module, int port, Map<String, String> env) throws IOException {
        start(module, module, port, env);
    }

    private Process start(String module, String logName, int port, Map<String, String> env) throws IOException {
        Path logs = root.resolve("e2e/target/e2e-logs");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort(port), "-jar", jar(root, module).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(logName + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    private static void awaitReady(int port, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("port " + port + " not ready in " + timeout + "; see e2e/target/e2e-logs/");
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
