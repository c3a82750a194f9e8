import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop GET load: RATE requests per second for SECONDS, started on schedule whatever the answers do (so slow
 * answers show up as latency, not as a lower rate). Prints p50/p90/p95/p99/max and errors.
 *
 *   java bench/metrics/KpiLoad.java URL RATE SECONDS
 */
public class KpiLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        // warm-up
        for (int i = 0; i < 50; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int total = rate * seconds;
        var scheduler = Executors.newScheduledThreadPool(2);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            scheduler.schedule(() -> {
                long t0 = System.nanoTime();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e != null || r.statusCode() != 200) {
                        errors.incrementAndGet();
                    } else {
                        latencies.add(System.nanoTime() - t0);
                    }
                    done.incrementAndGet();
                });
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        while (done.get() < total && System.nanoTime() - start < (seconds + 30) * 1_000_000_000L) {
            Thread.sleep(100);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d requests in %.1f s (%.0f/s offered), %d ok, %d errors%n", total, elapsed,
                (double) rate, sorted.size(), errors.get());
        if (sorted.isEmpty()) {
            System.out.println("no request answered 200 in time");
            scheduler.shutdownNow();
            System.exit(1);
        }
        for (double p : new double[]{0.50, 0.90, 0.95, 0.99}) {
            System.out.printf("p%.0f %.1f ms%n", p * 100, sorted.get((int) Math.min(sorted.size() - 1,
                    Math.ceil(p * sorted.size()) - 1)) / 1e6);
        }
        System.out.printf("max %.1f ms%n", sorted.get(sorted.size() - 1) / 1e6);
        scheduler.shutdownNow();
        System.exit(0);
    }
}
