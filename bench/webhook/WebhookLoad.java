import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Open-loop load for POST /webhooks/whatsapp: Meta-shaped deliveries of 1 to 50 statuses (uniform), every message
 * id unique (wamid.bench-RUN-SEQ), each body signed with X-Hub-Signature-256. Sends at a fixed status rate for a
 * fixed time, then prints statuses sent and acknowledged, latency percentiles and errors. Run with:
 * java bench/webhook/WebhookLoad.java URL SECRET RUN_ID STATUSES_PER_SECOND SECONDS [MAX_IN_FLIGHT [ACKED_FILE
 * [RETRY_SECONDS]]]. ACKED_FILE gets one line "FIRST LAST" (the SEQ range) per delivery answered 200. With
 * RETRY_SECONDS > 0 a delivery that got no 200 is sent again as Meta does (the same bytes, after 1, 2, 4, then
 * every 8 s) until RETRY_SECONDS after the load ends (bench/faults.sh).
 */
public class WebhookLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String secret = args[1];
        String run = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int maxInFlight = args.length > 5 ? Integer.parseInt(args[5]) : 64;
        java.io.PrintWriter ackedIds = args.length > 6 ? new java.io.PrintWriter(new java.io.FileWriter(args[6])) : null;
        int retrySeconds = args.length > 7 ? Integer.parseInt(args[7]) : 0;

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(7);
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        long[] latenciesMicros = new long[rate * seconds];
        AtomicLongArray latencySlots = new AtomicLongArray(1);

        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
        AtomicLong retried = new AtomicLong();
        AtomicLong pending = new AtomicLong();
        AtomicLong lastAck = new AtomicLong(System.nanoTime());
        AtomicLong longestGap = new AtomicLong();

        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long retryUntil = end + retrySeconds * 1_000_000_000L;
        long sent = 0;
        long seq = 0;
        while (System.nanoTime() < end) {
            long due = start + (long) (sent * 1_000_000_000.0 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int n = 1 + random.nextInt(50);
            StringBuilder statuses = new StringBuilder();
            long ts = 1750030000L + seq;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    statuses.append(',');
                }
                String status = switch (random.nextInt(3)) { case 0 -> "sent"; case 1 -> "delivered"; default -> "read"; };
                statuses.append("{\"id\":\"wamid.bench-").append(run).append('-').append(seq++)
                        .append("\",\"status\":\"").append(status).append("\",\"timestamp\":\"").append(ts)
                        .append("\",\"recipient_id\":\"16505551234\"");
                if (!status.equals("sent")) {
                    statuses.append(",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\","
                            + "\"category\":\"marketing\"}");
                }
                statuses.append('}');
            }
            String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{"
                    + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                    + "\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"PNID\"},\"statuses\":["
                    + statuses + "]}}]}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            long first = seq - n;
            Runnable delivery = new Runnable() { // one delivery and its retries: Meta sends the same bytes again
                int tries;

                @Override
                public void run() {
                    try {
                        inFlight.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long begin = System.nanoTime();
                    client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        int slot = (int) latencySlots.getAndIncrement(0);
                        if (slot < latenciesMicros.length) {
                            latenciesMicros[slot] = (now - begin) / 1000;
                        }
                        requests.incrementAndGet();
                        inFlight.release();
                        if (error == null && response.statusCode() == 200) {
                            acked.addAndGet(n);
                            longestGap.accumulateAndGet(now - lastAck.getAndSet(now), Math::max);
                            if (ackedIds != null) {
                                synchronized (ackedIds) {
                                    ackedIds.println(first + " " + (first + n - 1));
                                }
                            }
                            pending.decrementAndGet();
                        } else if (retrySeconds > 0 && now < retryUntil) {
                            retried.addAndGet(n);
                            retries.schedule(this, Math.min(8, 1L << Math.min(tries++, 3)), TimeUnit.SECONDS);
                        } else {
                            failed.addAndGet(n);
                            pending.decrementAndGet();
                        }
                    });
                }
            };
            pending.incrementAndGet();
            delivery.run();
            sent += n;
        }
        while (pending.get() > 0 && System.nanoTime() < retryUntil + 15_000_000_000L) {
            Thread.sleep(100);
        }
        retries.shutdownNow();
        if (ackedIds != null) {
            synchronized (ackedIds) {
                ackedIds.close();
            }
        }
        inFlight.acquire(maxInFlight);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int samples = (int) Math.min(latencySlots.get(0), latenciesMicros.length);
        long[] sorted = Arrays.copyOf(latenciesMicros, samples);
        Arrays.sort(sorted);
        System.out.printf("statuses sent     %d in %.1f s (%.0f/s offered)%n", sent, elapsed, sent / elapsed);
        System.out.printf("statuses acked    %d (%.0f/s)%n", acked.get(), acked.get() / elapsed);
        System.out.printf("statuses failed   %d (given up: no 200 within the retries; %d still unanswered)%n",
                failed.get(), pending.get());
        System.out.printf("statuses retried  %d (deliveries sent again after no 200, as Meta does)%n", retried.get());
        System.out.printf("longest without a 200  %.1f s%n", longestGap.get() / 1e9);
        System.out.printf("requests          %d (%.0f/s, 1-50 statuses each)%n", requests.get(), requests.get() / elapsed);
        System.out.printf("latency ms        p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
    }
}
