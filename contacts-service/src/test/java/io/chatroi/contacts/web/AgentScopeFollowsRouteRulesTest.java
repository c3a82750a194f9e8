package io.chatroi.contacts.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contacts-service narrows agents itself, as defence in depth behind the gateway, and so keeps its own copy of the
 * agent scope. It must be the scope the gateway's route rules give contacts-service's paths: every list the gateway
 * narrows is narrowed here by the same parameter, every record path it marks is guarded here, and nothing more.
 */
class AgentScopeFollowsRouteRulesTest {

    private static final Path ROUTE_RULES = Path.of("..", "gateway", "src", "main", "resources", "route-rules.txt");

    @Test
    void theListsAndRecordsAgentsAreNarrowedOnAreTheOnesTheGatewayRulesName() throws IOException {
        Map<String, String> lists = new TreeMap<>();
        Set<String> records = new TreeSet<>();
        List<String[]> rows = Files.readAllLines(ROUTE_RULES).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+")).toList();
        List<String> header = List.of(rows.get(0));
        int path = header.indexOf("path");
        int service = header.indexOf("service");
        int scope = header.indexOf("scope");
        for (String[] row : rows.subList(1, rows.size())) {
            if (!row[service].equals("contacts")) {
                continue;
            }
            if (row[scope].startsWith("owner")) {
                lists.put(row[path], row[scope]);
            } else if (row[scope].equals("record")) {
                records.add(row[path]);
            }
        }

        assertThat(lists).isNotEmpty().isEqualTo(new TreeMap<>(AgentScope.LISTS));
        // a record pattern here guards the paths below it too (a contact's tags are the contact's)
        assertThat(records).containsAll(AgentScope.RECORDS.keySet()).allSatisfy(record -> assertThat(
                AgentScope.RECORDS.keySet()).anyMatch(own -> record.equals(own) || record.startsWith(own + "/")));
    }

    @Test
    void aRecordPatternGuardsTheRecordAndEverythingBelowIt() {
        assertThat(AgentScope.recordId("/api/v1/contacts/*", "/api/v1/contacts/42")).isEqualTo("42");
        assertThat(AgentScope.recordId("/api/v1/contacts/*", "/api/v1/contacts/42/tags/vip")).isEqualTo("42");
        assertThat(AgentScope.recordId("/api/v1/contacts/*", "/api/v1/contacts")).isNull();
        assertThat(AgentScope.recordId("/api/v1/contacts/*", "/api/v1/contactsX/42")).isNull();
        assertThat(AgentScope.recordId("/api/v1/deals/*", "/api/v1/contacts/42")).isNull();
    }
}
