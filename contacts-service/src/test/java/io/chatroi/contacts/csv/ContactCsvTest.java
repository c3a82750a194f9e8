package io.chatroi.contacts.csv;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactCsvTest {

    @Test
    void goodRowsParseBadRowsAreReportedByLine() {
        String csv = "\uFEFFPhone,Name,Company,country,source,tags,region\n"
                + "+86 138 0013 8000,张三,深圳科技有限公司,,trade_show,vip;led,South\n"
                + "not-a-phone,Bad,,,,,\n"
                + "+49 30 12345678,Hans,,,nowhere,,\n"
                + "+8613800138000,Dup,,,,,\n"
                + "030 87654321,Greta,,DE,,intent:high,\n"
                + "030 87654322,Jo,,DE,,,\n";
        ContactCsv.Parsed parsed = ContactCsv.parse(csv, "import");
        // line 6's computed tag (intent:high, which an export carries) is skipped, so the row itself imports
        assertThat(parsed.rows()).extracting(ContactCsv.Row::line).containsExactly(2L, 6L, 7L);
        assertThat(parsed.rows().get(1).tags()).isEmpty();
        ContactCsv.Row first = parsed.rows().get(0);
        assertThat(first.fields().phone()).isEqualTo("+8613800138000");
        assertThat(first.fields().name()).isEqualTo("张三");
        assertThat(first.fields().country()).isEqualTo("CN");
        assertThat(first.tags()).containsExactly("vip", "led");
        assertThat(first.fields().attributes()).containsEntry("region", "South");
        assertThat(parsed.rows().get(1).fields().source()).isEqualTo("import");
        assertThat(parsed.rejected()).extracting(ImportResult.Rejection::line).containsExactly(3L, 4L, 5L);
        assertThat(parsed.rejected().get(0).reason()).startsWith("phone:");
        assertThat(parsed.rejected().get(1).reason()).startsWith("source:");
        assertThat(parsed.rejected().get(2).reason()).contains("repeats line 2");
    }

    @Test
    void aStreamedBodyIsReadAsItArrivesAndRefusedPastTheLimitWithNothingKept() {
        // a body of rows generated while it is read: nothing holds the file, only the parsed rows
        InputStream rows = new InputStream() {
            private final byte[] header = "phone,name\n".getBytes(StandardCharsets.UTF_8);
            private long position;

            @Override
            public int read() {
                long at = position++;
                if (at < header.length) {
                    return header[(int) at];
                }
                return "+4930123456,Same\n".charAt((int) ((at - header.length) % 17));
            }
        };
        assertThatThrownBy(() -> ContactCsv.parse(new InputStreamReader(new CappedStream(rows, 64 * 1024),
                StandardCharsets.UTF_8), "import"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));

        InputStream small = new ByteArrayInputStream("\uFEFFphone,name\n+49 30 12345678,Ida\n"
                .getBytes(StandardCharsets.UTF_8));
        ContactCsv.Parsed parsed = ContactCsv.parse(new InputStreamReader(new CappedStream(small, 64 * 1024),
                StandardCharsets.UTF_8), "import");
        assertThat(parsed.rows()).extracting(r -> r.fields().name()).containsExactly("Ida");
        assertThatThrownBy(() -> ContactCsv.parse(" \n\n", "import")).isInstanceOfSatisfying(
                ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
    }

    @Test
    void aRowPastTheBoundIsRejectedAloneByLineAndFieldAndTheRestImports() {
        String csv = "phone,name,plan\n"
                + "+49 30 1000001,Ann,gold\n"
                + "+49 30 1000002,Bob," + "x".repeat(300) + "\n"                       // a plain giant cell
                + "+49 30 1000003,\"Cy\nwith \"\"quotes\"\" and lines\n" + "y".repeat(300) + "\",silver\r\n"
                + "+49 30 1000004,\"Di\nacross lines\",bronze\r\n"  // short, one record, refused for its line break
                + "+49 30 1000005,\"Ed, \"\"quoted\"\"\",bronze\r\n"      // short, quoted, kept
                + "+49 30 1000006," + "z".repeat(300);                                  // the last row, no line break
        ContactCsv.Parsed parsed = ContactCsv.parse(new StringReader(csv), "import", 200);
        assertThat(parsed.rows()).extracting(ContactCsv.Row::line).containsExactly(2L, 6L);
        assertThat(parsed.rows()).extracting(r -> r.fields().name()).containsExactly("Ann", "Ed, \"quoted\"");
        assertThat(parsed.rows().get(1).fields().attributes()).containsEntry("plan", "bronze");
        assertThat(parsed.rejected()).extracting(ImportResult.Rejection::line).containsExactly(3L, 4L, 5L, 7L);
        String skipped = ": the row is longer than 200 characters (a row the rules accept is far shorter);"
                + " it was skipped unread";
        assertThat(parsed.rejected()).extracting(ImportResult.Rejection::reason).containsExactly(
                "attributes.plan" + skipped, "name" + skipped, parsed.rejected().get(2).reason(), "name" + skipped);
        assertThat(parsed.rejected().get(2).reason()).startsWith("name:").doesNotContain("longer than");
    }

    @Test
    void aHeaderPastTheBoundRefusesTheImportAndNoCellCanPassForTheMarker() {
        assertThatThrownBy(() -> ContactCsv.parse(new StringReader("phone," + "h".repeat(300) + "\n+4930100,A\n"),
                "import", 200)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("header"));
        // a one-cell row that looks like a marker is an ordinary row
        ContactCsv.Parsed parsed = ContactCsv.parse(new StringReader("phone\nchatroi-row-over-limit-x\n"), "import", 200);
        assertThat(parsed.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("phone:"));
    }
}
