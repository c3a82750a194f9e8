package io.chatroi.contacts.csv;

import io.chatroi.common.paging.Page;
import io.chatroi.contacts.contact.Contact;
import io.chatroi.contacts.contact.ContactService;
import io.chatroi.contacts.filter.ContactFilter;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import io.chatroi.common.csv.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

/** Streams contacts as CSV page by page (keyset paging), so an export of any size never sits in memory. */
@ApplicationScoped
public class ContactExportService {

    static final int PAGE = 1000;
    static final String[] HEADER = {"id", "phone", "name", "company", "country", "language", "timeZone", "source",
            "owner", "stage", "acceptedAt", "optedOut", "optedOutAt", "activity", "intent", "customerClass",
            "lastInboundAt", "lastOutboundAt", "createdAt", "updatedAt", "tags"};

    private final ContactService contacts;

    public ContactExportService(ContactService contacts) {
        this.contacts = contacts;
    }

    public Multi<String> export(ContactFilter filter) {
        AtomicReference<String> cursor = new AtomicReference<>();
        Multi<String> rows = Multi.createBy().repeating()
                .uni(() -> contacts.list(filter, cursor.get(), PAGE).invoke(page -> cursor.set(page.nextCursor())))
                .whilst(page -> page.nextCursor() != null)
                .map(ContactExportService::lines);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(line(HEADER)), rows);
    }

    private static String lines(Page<Contact> page) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (Contact c : page.items()) {
                printer.printRecord(safe(c.id(), c.phone(), c.name(), c.company(), c.country(), c.language(), c.timeZone(),
                        c.source(), c.owner(), c.stage(), c.acceptedAt(), c.optedOut(), c.optedOutAt(), c.activity(),
                        c.intent(), c.customerClass(), c.lastInboundAt(), c.lastOutboundAt(), c.createdAt(),
                        c.updatedAt(), String.join(";", c.tags())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Every cell as text a spreadsheet will not run as a formula (import restores the original). */
    private static Object[] safe(Object... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : CsvCells.neutralise(String.valueOf(values[i]));
        }
        return out;
    }

    private static String line(String[] values) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord((Object[]) values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
