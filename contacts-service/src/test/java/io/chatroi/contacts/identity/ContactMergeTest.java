package io.chatroi.contacts.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMergeTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    private static ContactMerge.Side phoneContact() {
        return new ContactMerge.Side(UUID.randomUUID(), "+16505551234", null, null, "Sheena N.", "Zhang San",
                "import", "quoted", false, null, "medium", T, T.plusSeconds(10), T.plusSeconds(20), T);
    }

    private static ContactMerge.Side usernameContact() {
        return new ContactMerge.Side(UUID.randomUUID(), null, "US.13491208655302741918", "@realsheenanelson",
                "Sheena Nelson", null, "ads_ctwa", "engaged", false, null, "high", T.plusSeconds(100),
                T.plusSeconds(200), null, T.minusSeconds(3600));
    }

    @Test
    void thePhoneContactSurvivesWithTheBsuidAndTheUnionOfItsHistory() {
        ContactMerge.Side survivor = phoneContact();
        ContactMerge.Side merged = ContactMerge.merge(survivor, usernameContact(), "@sheena");

        assertThat(merged.id()).isEqualTo(survivor.id());
        assertThat(merged.phone()).isEqualTo("+16505551234");
        assertThat(merged.userId()).isEqualTo("US.13491208655302741918");
        assertThat(merged.username()).as("the latest message's username").isEqualTo("@sheena");
        assertThat(merged.name()).as("the survivor's own value wins").isEqualTo("Sheena N.");
        assertThat(merged.owner()).isEqualTo("Zhang San");
        assertThat(merged.source()).isEqualTo("import");
        assertThat(merged.stage()).as("the further stage").isEqualTo("quoted");
        assertThat(merged.intent()).as("the intent set last").isEqualTo("high");
        assertThat(merged.intentAt()).isEqualTo(T.plusSeconds(100));
        assertThat(merged.lastInboundAt()).isEqualTo(T.plusSeconds(200));
        assertThat(merged.lastOutboundAt()).isEqualTo(T.plusSeconds(20));
        assertThat(merged.createdAt()).as("known since the earliest of both").isEqualTo(T.minusSeconds(3600));
    }

    @Test
    void theSurvivorTakesWhatItLacksAndAnOptOutIsNeverLost() {
        ContactMerge.Side bare = new ContactMerge.Side(UUID.randomUUID(), "+16505551234", null, null, null, null,
                "other", "new", false, null, null, null, null, null, T);
        ContactMerge.Side stopped = new ContactMerge.Side(UUID.randomUUID(), null, "US.1", "@a", "Ana", "Li Si",
                "ads_ctwa", "churned", true, T.plusSeconds(5), null, null, T.plusSeconds(5), null, T.plusSeconds(1));

        ContactMerge.Side merged = ContactMerge.merge(bare, stopped, null);

        assertThat(merged.name()).isEqualTo("Ana");
        assertThat(merged.owner()).isEqualTo("Li Si");
        assertThat(merged.source()).as("'other' is no source").isEqualTo("ads_ctwa");
        assertThat(merged.username()).isEqualTo("@a");
        assertThat(merged.optedOut()).isTrue();
        assertThat(merged.optedOutAt()).isEqualTo(T.plusSeconds(5));
        assertThat(merged.stage()).as("churned only when both are").isEqualTo("new");
        assertThat(ContactMerge.furtherStage("churned", "churned")).isEqualTo("churned");
        assertThat(ContactMerge.furtherStage("engaged", "customer")).isEqualTo("customer");
    }

    @Test
    void anIdentityChangeKeepsThePreviousHolderUnlessOnlyTheOtherHasAPhone() {
        ContactMerge.Side phone = phoneContact();
        ContactMerge.Side username = usernameContact();
        assertThat(ContactMerge.survivorOfChange(phone, username)).isSameAs(phone);
        assertThat(ContactMerge.survivorOfChange(username, phone)).as("the phone-keyed side survives").isSameAs(phone);
        ContactMerge.Side otherUsername = new ContactMerge.Side(UUID.randomUUID(), null, "US.2", null, null, null,
                "other", "new", false, null, null, null, null, null, T);
        assertThat(ContactMerge.survivorOfChange(username, otherUsername)).isSameAs(username);
    }

    @Test
    void theNewIdentityReplacesTheOldAfterTheMerge() {
        ContactMerge.Side merged = ContactMerge.merge(phoneContact(), usernameContact(), null);
        ContactMerge.Side changed = ContactMerge.withIdentity(merged, "+16505559999", "US.99");
        assertThat(changed.phone()).isEqualTo("+16505559999");
        assertThat(changed.userId()).isEqualTo("US.99");
        assertThat(changed.name()).isEqualTo(merged.name());
        ContactMerge.Side bsuidOnly = ContactMerge.withIdentity(merged, null, "US.99");
        assertThat(bsuidOnly.phone()).as("a BSUID change keeps the phone").isEqualTo("+16505551234");
    }
}
