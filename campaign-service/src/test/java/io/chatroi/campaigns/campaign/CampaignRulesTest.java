package io.chatroi.campaigns.campaign;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CampaignRulesTest {

    @Test
    void statusMachineAllowsOnlyTheDocumentedMoves() {
        assertThat(CampaignStatus.DRAFT.after(CampaignAction.LAUNCH, false)).isEqualTo(CampaignStatus.SENDING);
        assertThat(CampaignStatus.DRAFT.after(CampaignAction.LAUNCH, true)).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(CampaignStatus.SENDING.after(CampaignAction.PAUSE, false)).isEqualTo(CampaignStatus.PAUSED);
        assertThat(CampaignStatus.PAUSED.after(CampaignAction.RESUME, false)).isEqualTo(CampaignStatus.SENDING);
        assertThat(CampaignStatus.SENDING.after(CampaignAction.COMPLETE, false)).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(CampaignStatus.DRAFT.after(CampaignAction.PAUSE, false)).isNull();
        assertThat(CampaignStatus.SENDING.after(CampaignAction.LAUNCH, false)).isNull();
        assertThat(CampaignStatus.COMPLETED.after(CampaignAction.CANCEL, false)).isNull();
        assertThat(CampaignStatus.CANCELLED.after(CampaignAction.RESUME, false)).isNull();
    }

    @Test
    void variantAssignmentIsStableAndFollowsTheWeights() {
        VariantAssignment split = new VariantAssignment(List.of(new Campaign.Variant("A", UUID.randomUUID(), 45, List.of()),
                new Campaign.Variant("B", UUID.randomUUID(), 45, List.of())), 10);
        UUID campaign = UUID.randomUUID();
        Map<String, Integer> counts = new HashMap<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            UUID contact = new UUID(7, i);
            String variant = split.assign(campaign, contact);
            assertThat(split.assign(campaign, contact)).isEqualTo(variant);
            counts.merge(variant, 1, Integer::sum);
        }
        assertThat(counts.get("A") / (double) n).isCloseTo(0.45, within(0.015));
        assertThat(counts.get("B") / (double) n).isCloseTo(0.45, within(0.015));
        assertThat(counts.get(VariantAssignment.HOLDOUT) / (double) n).isCloseTo(0.10, within(0.01));
        // another campaign splits the same contacts independently
        UUID other = UUID.randomUUID();
        long same = java.util.stream.IntStream.range(0, 2000)
                .filter(i -> split.assign(campaign, new UUID(7, i)).equals(split.assign(other, new UUID(7, i)))).count();
        assertThat(same).isLessThan(1400);
    }
}
