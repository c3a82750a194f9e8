package io.chatroi.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's kubectl create secret commands are what the reference check accepts for uncommitted Secrets. */
class SecretDocsTest {

    @Test
    void readsNamesAndKeysFromCommandsIncludingContinuationLines() {
        String md = """
                ```bash
                kubectl -n chatroi create secret generic chatroi-postgres \\
                  --from-literal=PGHOST=db.internal \\
                  --from-literal=PGPASSWORD="$(openssl rand -hex 24)"
                kubectl -n chatroi create secret tls chatroi-tls --cert=fullchain.pem --key=privkey.pem
                kubectl create secret generic other --from-file=ca.crt=./ca.pem
                ```
                kubectl -n chatroi create secret generic later --from-literal=A=1
                """;

        assertThat(SecretDocs.parse(md)).isEqualTo(Map.of(
                "chatroi-postgres", Set.of("PGHOST", "PGPASSWORD"),
                "chatroi-tls", Set.of("tls.crt", "tls.key"),
                "other", Set.of("ca.crt"),
                "later", Set.of("A")));
    }

    @Test
    void theReadmeDocumentsEverySecretTheManifestsUse() {
        Map<String, Set<String>> documented = Repo.documentedSecrets();

        assertThat(documented).containsKeys("chatroi-postgres", "chatroi-postgres-admin", "chatroi-internal", "chatroi-admin",
                "chatroi-whatsapp", "chatroi-tls");
        assertThat(documented.get("chatroi-postgres")).containsExactlyInAnyOrder("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD");
        assertThat(documented.get("chatroi-whatsapp")).containsExactlyInAnyOrder("WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN",
                "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID");
    }
}
