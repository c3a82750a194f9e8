package io.chatroi.metrics.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.sql.SqlTimes;
import io.chatroi.metrics.recompute.DirtyDayRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one settings row; created from the deployment's defaults (CHATROI_TIME_ZONE, CHATROI_CURRENCY) when first read. */
@ApplicationScoped
public class SettingsService {

    private static final Set<String> WEIGHT_KEYS = Set.of("process", "result", "bonus");

    private final Pool pool;
    private final ObjectMapper json;
    private final String defaultZone;
    private final String defaultCurrency;
    private final Clock clock;

    public SettingsService(Pool pool, ObjectMapper json,
                           @ConfigProperty(name = "chatroi.time-zone") String defaultZone,
                           @ConfigProperty(name = "chatroi.currency") String defaultCurrency, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.json = json;
        this.defaultZone = defaultZone;
        this.defaultCurrency = defaultCurrency;
    }

    public Uni<Settings> get() {
        return get(pool);
    }

    public Uni<Settings> get(SqlClient client) {
        return SettingsRepository.read(client).chain(rows -> {
            if (rows.size() > 0) {
                return Uni.createFrom().item(from(rows.iterator().next()));
            }
            Map<String, Double> weights = weightsMap(io.chatroi.metrics.kpi.Scorecard.Weights.DEFAULT);
            return SettingsRepository.create(client, defaultCurrency, defaultZone, write(weights))
                    .chain(() -> SettingsRepository.read(client))
                    .map(again -> from(again.iterator().next()));
        });
    }

    /** The settings from a row that carries the settings table's columns (NULL before it exists), else read. */
    public Uni<Settings> of(Row row) {
        return row.getValue("id") == null ? get() : Uni.createFrom().item(from(row));
    }

    public Uni<Settings> update(SettingsInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a settings object is required");
        }
        Instant now = clock.instant();
        return get().chain(current -> {
            Settings next = merge(current, input);
            // the later of the two zones' days, so a zone change marks the new zone's today too
            LocalDate today = Collections.max(List.of(LocalDate.ofInstant(now, current.zone()),
                    LocalDate.ofInstant(now, next.zone())));
            // the new rules and the days they make stale are written together, or neither is
            return pool.withTransaction(tx -> SettingsRepository.update(tx, next, write(next.scorecardWeights()), now)
                            .call(() -> rulesChanged(current, next)
                                    ? DirtyDayRepository.fromUntilToday(tx, today.minusDays(DirtyDayRepository.REACH_DAYS), today)
                                    : Uni.createFrom().voidItem()))
                    .chain(() -> get());
        });
    }

    /** Settings that change how past days are counted (days, windows), so the snapshots must be rebuilt. */
    static boolean rulesChanged(Settings before, Settings after) {
        return !before.timeZone().equals(after.timeZone()) || before.attributionDays() != after.attributionDays()
                || before.replyWindowDays() != after.replyWindowDays()
                || before.repurchaseDays() != after.repurchaseDays() || before.activityDays() != after.activityDays();
    }

    static Settings merge(Settings current, SettingsInput in) {
        Validator errors = new Validator();
        String currency = in.currency() == null ? current.currency() : in.currency().toUpperCase();
        if (!isCurrency(currency)) {
            errors.add("currency", "'" + in.currency() + "' is not an ISO 4217 currency code");
        }
        String zone = in.timeZone() == null ? current.timeZone() : in.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add("timeZone", "'" + zone + "' is not an IANA time zone such as Asia/Shanghai");
        }
        BigDecimal perLead = in.valuePerLead() == null ? current.valuePerLead() : in.valuePerLead();
        errors.require(perLead.signum() >= 0, "valuePerLead", "must be >= 0");
        BigDecimal brand = in.brandValueMonthly() == null ? current.brandValueMonthly() : in.brandValueMonthly();
        errors.require(brand.signum() >= 0, "brandValueMonthly", "must be >= 0");
        int attribution = days(in.attributionDays(), current.attributionDays(), "attributionDays", errors);
        int reply = days(in.replyWindowDays(), current.replyWindowDays(), "replyWindowDays", errors);
        int repurchase = days(in.repurchaseDays(), current.repurchaseDays(), "repurchaseDays", errors);
        int activity = days(in.activityDays(), current.activityDays(), "activityDays", errors);
        Map<String, Double> weights = new LinkedHashMap<>(current.scorecardWeights());
        if (in.scorecardWeights() != null) {
            in.scorecardWeights().forEach((key, value) -> {
                if (!WEIGHT_KEYS.contains(key)) {
                    errors.add("scorecardWeights." + key, "is not one of process, result, bonus");
                } else if (value == null || value < 0) {
                    errors.add("scorecardWeights." + key, "must be a number >= 0");
                } else {
                    weights.put(key, value);
                }
            });
        }
        errors.throwIfInvalid();
        return new Settings(currency, zone, perLead, brand, attribution, reply, repurchase, activity, weights,
                current.updatedAt());
    }

    private static int days(Integer value, int current, String field, Validator errors) {
        if (value == null) {
            return current;
        }
        errors.require(value >= 1 && value <= 3650, field, "must be between 1 and 3650 days");
        return value;
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Settings from(Row row) {
        Map<String, Double> weights;
        try {
            weights = json.readValue(row.getValue("weights").toString(), new TypeReference<LinkedHashMap<String, Double>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings.weights is not a JSON object", e);
        }
        return new Settings(row.getString("currency"), row.getString("time_zone"), row.getBigDecimal("value_per_lead"),
                row.getBigDecimal("brand_value_monthly"), row.getInteger("attribution_days"),
                row.getInteger("reply_window_days"), row.getInteger("repurchase_days"), row.getInteger("activity_days"),
                weights, SqlTimes.instant(row, "updated_at"));
    }

    private static Map<String, Double> weightsMap(io.chatroi.metrics.kpi.Scorecard.Weights w) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("process", w.process());
        map.put("result", w.result());
        map.put("bonus", w.bonus());
        return map;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
