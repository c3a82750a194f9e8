import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Open-loop GET load at a fixed rate (requests are sent on schedule whatever the answers do, so a slow server
 * shows up as latency, not as a politely lower rate). Latency counts from the scheduled send time. Prints the rate
 * offered and answered (2xx), errors, and latency percentiles.
 *   java bench/gateway/GatewayLoad.java URL RATE SECONDS [HEADER: value]...
 */
public class GatewayLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 3; i < args.length; i++) {
            int colon = args[i].indexOf(':');
            builder.header(args[i].substring(0, colon).trim(), args[i].substring(colon + 1).trim());
        }
        HttpRequest request = builder.build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int maxInFlight = 256;
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong firstFailure = new AtomicLong(-1);
        long total = (long) rate * seconds;
        long[] latencies = new long[(int) total];
        AtomicLongArray slot = new AtomicLongArray(1);
        long start = System.nanoTime();
        for (long sent = 0; sent < total; sent++) {
            long due = start + (long) (sent * 1_000_000_000.0 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            inFlight.acquire();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                long micros = (System.nanoTime() - due) / 1000;
                int i = (int) slot.getAndIncrement(0);
                if (i < latencies.length) {
                    latencies[i] = micros;
                }
                if (error == null && response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(-1, error == null ? response.statusCode() : 0);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(maxInFlight);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, (int) Math.min(slot.get(0), latencies.length));
        Arrays.sort(sorted);
        System.out.printf("offered %.0f/s for %.1f s; answered 2xx %d (%.0f/s); failed %d%s%n", total / elapsed,
                elapsed, ok.get(), ok.get() / elapsed, failed.get(),
                failed.get() > 0 ? " (first: HTTP " + firstFailure.get() + ")" : "");
        System.out.printf("latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
    }
}
