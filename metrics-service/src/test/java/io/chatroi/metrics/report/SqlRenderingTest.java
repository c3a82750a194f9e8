package io.chatroi.metrics.report;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.report.outcome.OutcomeRepository;
import io.chatroi.metrics.report.roi.RoiRepository;
import io.chatroi.metrics.settings.Settings;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Throwaway proof for issue 16: every statement the report and recompute code renders, for every grain, group and
 * filter combination, equals (token for token) what main's string concatenation rendered
 * (src/test/resources/sql-rendered-main.txt, written by this test on main with -Dchatroi.sql.fixture.write=true).
 */
class SqlRenderingTest {

    private static final Path FIXTURE = Path.of("src/test/resources/sql-rendered-main.txt");
    private final List<String> recorded = new ArrayList<>();

    @Test
    void renderedStatementsEqualMains() throws Exception {
        Map<String, String> now = render();
        if (Boolean.getBoolean("chatroi.sql.fixture.write")) {
            StringBuilder out = new StringBuilder();
            now.forEach((k, v) -> out.append(k).append('\t').append(v.replace("\n", "\\n")).append('\n'));
            Files.writeString(FIXTURE, out);
            return;
        }
        Map<String, String> main = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FIXTURE)) {
            int tab = line.indexOf('\t');
            main.put(line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\n"));
        }
        assertEquals(main.keySet(), now.keySet());
        int differing = 0;
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (String k : main.keySet()) {
            distinct.add(tokens(main.get(k)));
            if (!tokens(main.get(k)).equals(tokens(now.get(k)))) {
                differing++;
                System.out.println("DIFF " + k + "\n main: " + tokens(main.get(k)) + "\n now:  " + tokens(now.get(k)));
            }
        }
        System.out.println("SQL-RENDERING compared " + main.size() + " renderings, " + distinct.size()
                + " distinct statements, " + differing + " differing");
        assertEquals(0, differing);
    }

    /** Whitespace-normalized tokens: punctuation apart, runs of whitespace one space. */
    static String tokens(String sql) {
        if (sql.startsWith("EXCEPTION")) {
            // main bound a parameter before throwing; no statement is sent either way
            return sql.substring(0, sql.indexOf(" -- "));
        }
        return sql.replaceAll("([(),;])", " $1 ").replaceAll("\\s+", " ").trim();
    }

    private Map<String, String> render() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        // the recompute's steps
        Class<?> steps = Class.forName(System.getProperty("chatroi.sql.steps", "io.chatroi.metrics.recompute.DailySnapshotRepository"));
        Field f = steps.getDeclaredField("STEPS");
        f.setAccessible(true);
        int n = 0;
        for (Object step : (List<?>) f.get(null)) {
            var name = step.getClass().getDeclaredMethod("name");
            var statements = step.getClass().getDeclaredMethod("statements");
            name.setAccessible(true);
            statements.setAccessible(true);
            int i = 0;
            for (Object s : (List<?>) statements.invoke(step)) {
                out.put("recompute." + name.invoke(step) + "." + i++, (String) s);
            }
            n++;
        }
        Settings settings = new Settings("EUR", "Europe/Berlin", BigDecimal.ONE, BigDecimal.TEN, 7, 3, 90, 30,
                Map.of(), Instant.EPOCH);
        UUID campaign = UUID.fromString("00000000-0000-0000-0000-00000000000c");
        LocalDate[][] ranges = {
                {LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20)},
                {LocalDate.of(2026, 1, 15), LocalDate.of(2026, 4, 10)},
                {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)},
                {LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 27)}};
        for (int r = 0; r < ranges.length; r++) {
            for (UUID c : new UUID[] {null, campaign}) {
                for (String owner : new String[] {null, "ann"}) {
                    KpiService.Filter fl = new KpiService.Filter(ranges[r][0], ranges[r][1], c, owner);
                    String fk = "r" + r + (c == null ? "" : ".campaign") + (owner == null ? "" : ".owner");
                    for (GroupBy g : GroupBy.values()) {
                        String k = fk + "." + g;
                        put(out, "messages." + k, sql -> SnapshotRepository.messages(sql, fl, g));
                        put(out, "deals." + k, sql -> SnapshotRepository.deals(sql, fl, g));
                        put(out, "contacts." + k, sql -> SnapshotRepository.contacts(sql, fl, g));
                        put(out, "interactions." + k, sql -> SnapshotRepository.interactions(sql, fl, g));
                        put(out, "costs." + k, sql -> SnapshotRepository.costs(sql, fl, g));
                        put(out, "names." + k, sql -> SnapshotRepository.names(g));
                        put(out, "median." + k, sql -> RangeRepository.medianResponseTimes(sql, fl, g));
                        put(out, "rangeRecipients." + k, sql -> RangeRepository.recipients(sql, fl, g, settings.zone()));
                        put(out, "recipients." + k, sql -> RecipientRepository.recipients(sql, fl, g));
                        for (short grain : new short[] {-1, 3, 5}) {
                            for (int flags = 0; flags < 4; flags++) {
                                boolean cp = (flags & 1) != 0;
                                boolean ow = (flags & 2) != 0;
                                put(out, "where." + fk + "." + grain + "." + flags,
                                        sql -> SnapshotRepository.where(sql, fl, grain, cp, ow));
                            }
                        }
                        out.put("sums." + k, recordOne(pool -> new KpiService(new SnapshotRepository(pool))
                                .sums(fl, g, settings, KpiPart.ALL, null)));
                    }
                    put(out, "recipientsOfRange." + fk, sql -> RecipientRepository.recipientsOfRange(sql, fl));
                    put(out, "roiMessages." + fk, sql -> SnapshotRepository.roiMessages(sql, fl));
                    put(out, "roiDeals." + fk, sql -> SnapshotRepository.roiDeals(sql, fl));
                    put(out, "deep." + fk, sql -> SnapshotRepository.deepContacts(sql, fl));
                    out.put("roi." + fk, recordOne(pool -> new RoiRepository(pool).totals(fl, settings)));
                }
            }
        }
        Instant t1 = Instant.parse("2026-03-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-03-09T00:00:00Z");
        for (String owner : new String[] {null, "ann"}) {
            String ok = owner == null ? "all" : "owner";
            out.put("retentionAtDayEnd." + ok, recordOne(pool -> new RangeRepository(pool)
                    .retentionAtDayEnd(owner, LocalDate.of(2026, 3, 8), t2, 30)));
            out.put("retention." + ok, recordOne(pool -> new RangeRepository(pool)
                    .retention(owner, t2, LocalDate.of(2026, 3, 8), t1)));
            out.put("hangingByOwner." + ok, recordOne(pool -> new OutcomeRepository(pool).hangingByOwner(t1, t2, owner)));
            for (TimeIdCursor after : new TimeIdCursor[] {null, new TimeIdCursor(t1, UUID.randomUUID())}) {
                out.put("hangingPage." + ok + (after == null ? "" : ".after"), recordOne(pool ->
                        new OutcomeRepository(pool).hangingPage(t1, t2, owner, after, 50)));
            }
            for (GroupBy g : GroupBy.values()) {
                String key = g.key(false, false, true, false);
                if (key != null) {
                    out.put("resolutionTimes." + ok + "." + g, recordOne(pool -> new OutcomeRepository(pool)
                            .resolutionTimes(t1, t2, "Europe/Berlin", owner, key)));
                }
            }
        }
        UUID id = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
        String cursor = new TimeIdCursor(t1, id).encode();
        for (int mask = 0; mask < 64; mask++) {
            int m = mask;
            out.put("costList." + m, recordOne(pool -> new io.chatroi.metrics.cost.CostService(pool, null, null, null, null)
                    .list((m & 1) != 0 ? LocalDate.of(2026, 1, 1) : null, (m & 2) != 0 ? LocalDate.of(2026, 2, 1) : null,
                            (m & 4) != 0 ? io.chatroi.metrics.cost.CostCategory.values()[0].wire() : null, (m & 8) != 0 ? campaign : null, (m & 16) != 0 ? "ann" : null,
                            (m & 32) != 0 ? cursor : null, 20)));
        }
        out.put("costGet", recordOne(pool -> new io.chatroi.metrics.cost.CostService(pool, null, null, null, null).get(id)));
        out.put("costDelete", recordOne(pool -> new io.chatroi.metrics.cost.CostService(pool, null, null, null, null).delete(id)));
        out.put("dirtyDays", recordOne(pool -> io.chatroi.metrics.recompute.DirtyDayRepository.fromUntilToday(pool, LocalDate.of(2026, 1, 1))));
        out.put("version", field("io.chatroi.metrics.report.ReportVersionRepository", "VERSION"));
        return out;
    }

    private static String field(String type, String name) throws Exception {
        Field f = Class.forName(type).getDeclaredField(name);
        f.setAccessible(true);
        return (String) f.get(null);
    }

    private static void put(Map<String, String> out, String key, java.util.function.Function<SqlParams, String> build) {
        SqlParams sql = new SqlParams();
        String text;
        try {
            text = build.apply(sql);
        } catch (IllegalArgumentException e) {
            text = "EXCEPTION " + e.getMessage();
        }
        out.put(key, text == null ? "NULL" : text + " -- " + sql.tuple().deepToString());
    }

    /** The statements a repository sends to a pool that records them (none runs). */
    private String recordOne(java.util.function.Function<io.vertx.mutiny.sqlclient.Pool, Object> call) {
        List<String> seen = new ArrayList<>();
        io.vertx.sqlclient.Pool delegate = (io.vertx.sqlclient.Pool) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {io.vertx.sqlclient.Pool.class}, (proxy, method, args) -> {
                    if (method.getName().equals("preparedQuery") || method.getName().equals("query")) {
                        seen.add((String) args[0]);
                        Class<?> type = method.getReturnType();
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                                (p, m, a) -> {
                                    throw new UnsupportedOperationException("recording only");
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        call.apply(new io.vertx.mutiny.sqlclient.Pool(delegate));
        return String.join("\n;;\n", seen);
    }
}
