package io.chatroi.campaigns.link;

import io.chatroi.campaigns.template.TemplateButtons;
import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Opens a tracked link: finds the send and the link the code names, records the click (every click in
 * {@code clicks}; the first one also on the send) and answers where to redirect, with the campaign's UTM tags.
 */
@ApplicationScoped
public class ClickService {

    private final Pool pool;
    private final ClickRepository repository;
    private final LinkCodes codes;
    private final Clock clock;

    public ClickService(Pool pool, ClickRepository repository, LinkCodes codes, Clock clock) {
        this.pool = pool;
        this.repository = repository;
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
        return pool.withTransaction(tx -> repository.send(tx, target.sendId()).chain(found -> {
            ClickRepository.LinkedSend send = found.orElseThrow(() -> ProblemException.notFound("link", code));
            List<TemplateLinks.Link> links = TemplateLinks.of(send.body(), TemplateButtons.of(send.content()));
            if (target.linkIndex() >= links.size()) {
                throw ProblemException.notFound("link", code);
            }
            String location = Utm.tag(links.get(target.linkIndex()).url(), send.campaignName(), send.variant());
            if (!record) {
                return Uni.createFrom().item(location);
            }
            return repository.recordClick(tx, target.sendId(), target.linkIndex(), truncate(userAgent), now)
                    .replaceWith(location);
        }));
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }
}
