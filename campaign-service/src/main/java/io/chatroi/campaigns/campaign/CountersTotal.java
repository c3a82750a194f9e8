package io.chatroi.campaigns.campaign;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Adds per-variant counters into the campaign's total. */
final class CountersTotal {

    private CountersTotal() {
    }

    static Counters of(Collection<Counters> parts) {
        long[] sums = new long[13];
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, Long> failed = new TreeMap<>();
        for (Counters c : parts) {
            long[] values = {c.queued(), c.deferred(), c.skipped(), c.holdout(), c.sent(), c.delivered(), c.read(),
                    c.replied(), c.reacted(), c.clicked(), c.clicks(), c.failed(), c.optedOut()};
            for (int i = 0; i < values.length; i++) {
                sums[i] += values[i];
            }
            c.skippedByReason().forEach((k, v) -> skipped.merge(k, v, Long::sum));
            c.failedByCode().forEach((k, v) -> failed.merge(k, v, Long::sum));
        }
        return new Counters(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8], sums[9],
                sums[10], sums[11], sums[12], skipped, failed);
    }
}
