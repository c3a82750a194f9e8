package io.chatroi.campaigns.campaign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * Assigns each contact of a campaign to a variant (or the holdout) in proportion to the weights, deterministically:
 * the same contact in the same campaign always lands in the same bucket, on any replica, on any retry. The bucket
 * is a SHA-256 of (campaign id, contact id), uniform enough that shares match weights within sampling error.
 */
public final class VariantAssignment {

    public static final String HOLDOUT = "holdout";

    private final List<Campaign.Variant> variants;
    private final int holdoutWeight;
    private final long total;

    public VariantAssignment(List<Campaign.Variant> variants, int holdoutWeight) {
        this.variants = List.copyOf(variants);
        this.holdoutWeight = holdoutWeight;
        this.total = variants.stream().mapToLong(Campaign.Variant::weight).sum() + holdoutWeight;
    }

    /** The variant key for this contact, or {@link #HOLDOUT}. */
    public String assign(UUID campaignId, UUID contactId) {
        long point = Long.remainderUnsigned(hash(campaignId, contactId), total);
        long upper = 0;
        for (Campaign.Variant variant : variants) {
            upper += variant.weight();
            if (point < upper) {
                return variant.key();
            }
        }
        return HOLDOUT;
    }

    private static long hash(UUID campaignId, UUID contactId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((campaignId + ":" + contactId).getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
