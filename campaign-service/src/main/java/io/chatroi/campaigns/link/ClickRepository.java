package io.chatroi.campaigns.link;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/** The SQL of tracked links: the send a code names, and its clicks. */
@ApplicationScoped
public class ClickRepository {

    private static final String SEND = """
            SELECT s.variant, c.name, t.body, t.content FROM sends s
              JOIN campaigns c ON c.id = s.campaign_id JOIN templates t ON t.id = s.template_id
             WHERE s.id = $1""";

    private static final String INSERT_CLICK = """
            INSERT INTO clicks (send_id, link_index, at, user_agent) VALUES ($1, $2, $3, $4)""";

    /** The first click stays on the send; every click counts. */
    private static final String COUNT_CLICK = """
            UPDATE sends SET clicked_at = coalesce(clicked_at, $2), clicks = clicks + 1, updated_at = $2 WHERE id = $1""";

    /** What a link's redirect needs of its send: the variant, the campaign's name and the template. */
    public record LinkedSend(String variant, String campaignName, String body, JsonObject content) {
    }

    public Uni<Optional<LinkedSend>> send(SqlClient client, UUID sendId) {
        return client.preparedQuery(SEND).execute(Tuple.of(sendId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new LinkedSend(row.getString("variant"), row.getString("name"), row.getString("body"),
                    row.getJsonObject("content")));
        });
    }

    /** Records a click: in {@code clicks}, and on the send (the first click's time, the count). */
    public Uni<Void> recordClick(SqlClient client, UUID sendId, int linkIndex, String userAgent, Instant now) {
        return client.preparedQuery(INSERT_CLICK).execute(Tuple.of(sendId, linkIndex, time(now), userAgent))
                .chain(() -> client.preparedQuery(COUNT_CLICK).execute(Tuple.of(sendId, time(now))))
                .replaceWithVoid();
    }
}
