package io.chatroi.campaigns.link;

import io.chatroi.campaigns.template.TemplateButtons;
import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Opens a tracked link: finds the send and the link the code names, records the click (every click in
 * {@code clicks}; the first one also on the send) and answers where to redirect, with the campaign's UTM tags.
 */
@ApplicationScoped
public class ClickService {

    private final Pool pool;
    private final LinkCodes codes;
    private final Clock clock;

    public ClickService(Pool pool, LinkCodes codes, Clock clock) {
        this.pool = pool;
        this.codes = codes;
        this.clock = clock;
    }

    /** Where a code leads, recording the click: every click in {@code clicks}, the first also on the send. */
    public Uni<String> open(String code, String userAgent) {
        return resolve(code, true, userAgent);
    }

    /** Where a code leads, without counting a click (HEAD requests, link previews). */
    public Uni<String> peek(String code) {
        return resolve(code, false, null);
    }

    private Uni<String> resolve(String code, boolean record, String userAgent) {
        LinkCode.Target target = codes.codec().decode(code)
                .orElseThrow(() -> ProblemException.notFound("link", code));
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT s.variant, c.name, t.body, t.content FROM sends s"
                        + " JOIN campaigns c ON c.id = s.campaign_id JOIN templates t ON t.id = s.template_id"
                        + " WHERE s.id = $1").execute(Tuple.of(target.sendId()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("link", code);
                    }
                    Row row = rows.iterator().next();
                    List<TemplateLinks.Link> links = TemplateLinks.of(row.getString("body"),
                            TemplateButtons.of(row.getJsonObject("content")));
                    if (target.linkIndex() >= links.size()) {
                        throw ProblemException.notFound("link", code);
                    }
                    String location = Utm.tag(links.get(target.linkIndex()).url(), row.getString("name"),
                            row.getString("variant"));
                    if (!record) {
                        return Uni.createFrom().item(location);
                    }
                    return tx.preparedQuery("INSERT INTO clicks (send_id, link_index, at, user_agent)"
                                    + " VALUES ($1, $2, $3, $4)")
                            .execute(Tuple.of(target.sendId(), target.linkIndex(), time(now), truncate(userAgent)))
                            .chain(() -> tx.preparedQuery("UPDATE sends SET clicked_at = coalesce(clicked_at, $2),"
                                    + " clicks = clicks + 1, updated_at = $2 WHERE id = $1")
                                    .execute(Tuple.of(target.sendId(), time(now))))
                            .replaceWith(location);
                }));
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }
}
