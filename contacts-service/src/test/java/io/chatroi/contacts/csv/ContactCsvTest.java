package io.chatroi.contacts.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
