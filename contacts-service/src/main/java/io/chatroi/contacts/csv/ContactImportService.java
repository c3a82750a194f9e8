package io.chatroi.contacts.csv;

import io.chatroi.contacts.observability.ContactsMetrics;

import io.chatroi.contacts.web.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/**
 * CSV import: every row is validated first, as the body streams in (on a worker thread, off the event loop), then
 * all good rows are written in one transaction with set-based statements (unnest arrays, a few thousand rows per statement), so an
 * import either lands whole or not at all. Existing phones are updated with the columns the file gives.
 */
@ApplicationScoped
public class ContactImportService {

    static final int CHUNK = 5000;
    static final String IMPORTER = "import";

    private final Pool pool;
    private final ContactImportRepository repository;
    private final ContactsMetrics metrics;
    private final long bodyLimit;
    private final Clock clock;

    public ContactImportService(Pool pool, ContactImportRepository repository, ContactsMetrics metrics,
                                @ConfigProperty(name = "chatroi.body-limit.bulk", defaultValue = "67108864")
                                long bodyLimit, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.repository = repository;
        this.metrics = metrics;
        this.bodyLimit = bodyLimit;
    }

    /**
     * Parses the body as it arrives (the caller is on a worker thread: reading blocks), then writes the good rows.
     * Only the validated rows are held, never the file: a 60 MB upload does not become a 60 MB buffer plus a
     * 120 MB string, and a row past {@link ContactCsv#MAX_ROW_CHARS} (a 10 MB cell) is skipped as it streams by and
     * rejected alone.
     */
    public Uni<ImportResult> importCsv(InputStream body, Caller caller) {
        ContactCsv.Parsed parsed = ContactCsv.parse(new InputStreamReader(new CappedStream(body, bodyLimit),
                StandardCharsets.UTF_8), "import");
        return write(parsed, caller);
    }

    private Uni<ImportResult> write(ContactCsv.Parsed parsed, Caller caller) {
        Instant now = clock.instant();
        Set<String> tagNames = new LinkedHashSet<>();
        parsed.rows().forEach(row -> tagNames.addAll(row.tags()));
        int[] counts = new int[2];
        List<String> tagsCreated = new ArrayList<>();
        return pool.withTransaction(tx -> {
            Uni<Void> chain = repository.createMissingTags(tx, tagNames, now).invoke(tagsCreated::addAll).replaceWithVoid();
            List<ContactCsv.Row> rows = parsed.rows();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<ContactCsv.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                chain = chain.chain(() -> repository.writeChunk(tx, chunk, importer(caller), now).invoke(created -> {
                    counts[0] += created;
                    counts[1] += chunk.size() - created;
                }).replaceWithVoid());
            }
            return chain;
        }).map(ignored -> {
            metrics.imported(counts[0], counts[1], parsed.rejected().size());
            return new ImportResult(counts[0], counts[1], parsed.rejected(), List.copyOf(tagsCreated));
        });
    }

    /** The history's actor for imported tags: the caller, or "import" for an API-key caller. */
    private static String importer(Caller caller) {
        return caller.actor().equals("api") ? IMPORTER : caller.actor();
    }
}
