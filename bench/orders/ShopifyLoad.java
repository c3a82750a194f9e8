import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Open-loop load for POST /webhooks/shopify: COUNT Shopify-shaped orders/paid deliveries at RATE per second, each
 * with its own order id and X-Shopify-Webhook-Id, signed with X-Shopify-Hmac-Sha256. Order i's billing phone is
 * +49 30 1PPPPPPP (PHONE_BASE + i) in national format, so the script decides which orders find a contact; every
 * tenth lands with the campaign's UTM parameters. Prints orders sent and acknowledged, the achieved rate, latency
 * percentiles, errors and its own CPU time. FIRST (default 0) starts the order indexes there (a warm-up uses indexes
 * no measured order has); order i's phone is PHONE_BASE + i - FIRST.
 * java bench/orders/ShopifyLoad.java URL SECRET RUN COUNT RATE PHONE_BASE [MAX_IN_FLIGHT] [FIRST]
 */
public class ShopifyLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String secret = args[1];
        long run = Long.parseLong(args[2]);
        int count = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        long phoneBase = Long.parseLong(args[5]);
        int maxInFlight = args.length > 6 ? Integer.parseInt(args[6]) : 64;
        int first = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLongArray latencies = new AtomicLongArray(count);
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            int i = first + n;
            long due = start + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            inFlight.acquire();
            String body = order(run * 1_000_000 + i, phoneBase + n, i % 10 == 0);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String signature;
            synchronized (mac) {
                signature = Base64.getEncoder().encodeToString(mac.doFinal(bytes));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Shopify-Topic", "orders/paid")
                    .header("X-Shopify-Hmac-Sha256", signature).header("X-Shopify-Webhook-Id", "bench-" + run + "-" + i)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            long sentAt = System.nanoTime();
            int index = n;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies.set(index, System.nanoTime() - sentAt);
                if (error == null && response.statusCode() == 200) {
                    acked.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(maxInFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = new long[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = latencies.get(i);
        }
        Arrays.sort(sorted);
        System.out.printf("orders sent %d%n", count);
        System.out.printf("orders acked %d (%.0f/s over %.1f s)%n", acked.get(), acked.get() / seconds, seconds);
        System.out.printf("errors %d%n", failed.get());
        System.out.printf("load generator CPU %.1f s (%.2f per 1,000 orders)%n", cpuSeconds(),
                cpuSeconds() * 1000 / count);
        System.out.printf("latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n", sorted[count / 2] / 1e6,
                sorted[(int) (count * 0.95)] / 1e6, sorted[(int) (count * 0.99)] / 1e6, sorted[count - 1] / 1e6);
    }

    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static String order(long id, long phone, boolean withUtm) {
        String now = Instant.now().toString();
        String digits = String.valueOf(phone);
        String landing = withUtm ? "/products/led?utm_source=whatsapp&utm_medium=message&utm_campaign=Bench+sale"
                + "&utm_content=A" : "/";
        return "{\"id\":" + id + ",\"name\":\"#" + id + "\",\"currency\":\"USD\",\"total_price\":\"" + (20 + id % 180)
                + ".00\",\"financial_status\":\"paid\",\"created_at\":\"" + now + "\",\"processed_at\":\"" + now
                + "\",\"landing_site\":\"" + landing + "\",\"cancelled_at\":null,\"customer\":{\"id\":" + id
                + ",\"phone\":null},\"billing_address\":{\"phone\":\"030 " + digits.substring(4) + "\","
                + "\"country_code\":\"DE\"},\"shipping_address\":{\"phone\":null,\"country_code\":\"DE\"},"
                + "\"line_items\":[{\"title\":\"LED panel\",\"quantity\":1}]}";
    }
}
