package io.chatroi.campaigns.health;

import io.chatroi.common.paging.TimeIdCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL of account-health events (the account_events table): their insert and the listing. What a template status
 * moves is written by {@link io.chatroi.campaigns.template.TemplateRepository} and
 * {@link io.chatroi.campaigns.campaign.CampaignRepository}, the owners of those tables.
 */
@ApplicationScoped
public class AccountEventRepository {

    private static final String INSERT = """
            INSERT INTO account_events (delivery_key, position, field, event, waba_id, at, template_id, template_name,
                   template_language, reason, display_phone_number, old_limit, current_limit,
                   max_daily_conversations, violation_type, ban_state, value, received_at)
            SELECT $1, u.position, u.field, u.event, u.waba_id, coalesce(u.at, $18), u.template_id, u.template_name,
                   u.template_language, u.reason, u.phone, u.old_limit, u.current_limit, u.max_daily, u.violation,
                   u.ban, u.value::jsonb, $18
              FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[],
                          $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                          $16::text[], $17::text[])
                   AS u (position, field, event, waba_id, at, template_id, template_name, template_language, reason,
                         phone, old_limit, current_limit, max_daily, violation, ban, value)
            ON CONFLICT (delivery_key, position) DO NOTHING
            RETURNING position""";
    /** Newest first; every filter is optional ($1 from, $2 to, $3 field, $4/$5 the cursor). */
    private static final String LIST = """
            SELECT id, field, event, waba_id, at, template_id, template_name, template_language, reason,
                   display_phone_number, old_limit, current_limit, max_daily_conversations, violation_type,
                   ban_state, received_at
              FROM account_events
             WHERE ($1::timestamptz IS NULL OR at >= $1)
               AND ($2::timestamptz IS NULL OR at < $2)
               AND ($3::text IS NULL OR field = $3)
               AND ($4::timestamptz IS NULL OR (at, id) < ($4, $5::uuid))
             ORDER BY at DESC, id DESC
             LIMIT $6""";

    private final Pool pool;

    public AccountEventRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the events of one delivery and returns the positions that were new (not a retry's). */
    public Uni<Set<Integer>> insert(SqlClient tx, String deliveryKey, List<HealthEvent> events, Instant receivedAt) {
        int n = events.size();
        Object[][] columns = new Object[16][];
        columns[0] = new Integer[n];
        columns[4] = new OffsetDateTime[n];
        for (int c = 1; c < 16; c++) {
            if (c != 4) {
                columns[c] = new String[n];
            }
        }
        for (int i = 0; i < n; i++) {
            HealthEvent e = events.get(i);
            Object[] row = {i, e.field(), e.event(), e.wabaId(), time(e.at()), e.templateId(), e.templateName(),
                    e.templateLanguage(), e.reason(), e.displayPhoneNumber(), e.oldLimit(), e.currentLimit(),
                    e.maxDailyConversations(), e.violationType(), e.banState(), e.valueJson()};
            for (int c = 0; c < 16; c++) {
                columns[c][i] = row[c];
            }
        }
        Object[] params = new Object[18];
        params[0] = deliveryKey;
        System.arraycopy(columns, 0, params, 1, 16);
        params[17] = time(receivedAt);
        return tx.preparedQuery(INSERT).execute(Tuple.from(params)).map(rows -> {
            Set<Integer> fresh = new HashSet<>();
            rows.forEach(row -> fresh.add(row.getInteger("position")));
            return fresh;
        });
    }

    public Uni<List<AccountEventView>> list(Instant from, Instant to, String field, TimeIdCursor after, int limit) {
        return pool.preparedQuery(LIST).execute(Tuple.from(new Object[]{time(from), time(to), field,
                        after == null ? null : time(after.at()), after == null ? null : after.id(), limit}))
                .map(rows -> {
                    List<AccountEventView> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(view(row));
                    }
                    return items;
                });
    }

    private static AccountEventView view(Row row) {
        String field = row.getString("field");
        String event = row.getString("event");
        return new AccountEventView(row.getUUID("id"), field, event, HealthRules.severity(field, event).wire(),
                instant(row, "at"), instant(row, "received_at"), row.getString("waba_id"),
                row.getString("template_id"), row.getString("template_name"), row.getString("template_language"),
                row.getString("reason"), row.getString("display_phone_number"), row.getString("old_limit"),
                row.getString("current_limit"), row.getString("max_daily_conversations"),
                row.getString("violation_type"), row.getString("ban_state"));
    }
}
