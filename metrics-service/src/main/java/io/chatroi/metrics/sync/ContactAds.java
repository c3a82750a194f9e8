package io.chatroi.metrics.sync;

/**
 * The ad each contact came through, from the synced referrals (f_ad_referrals): its first one, as the first referral
 * is what set the contact's source to ads_ctwa. The snapshots' ad grain and the reports join it by contact id.
 */
public final class ContactAds {

    /** A relation of (contact_id, ad_id): each contact with a referral, once, and the ad of its earliest one. */
    public static final String FIRST_AD = """
            (SELECT DISTINCT ON (contact_id) contact_id, source_id AS ad_id
            FROM f_ad_referrals WHERE source_id IS NOT NULL ORDER BY contact_id, at, id)""";

    /** Each ad's label (column {@code k} the ad id, {@code name} its headline): the headline it carried last. */
    public static final String LABELS = """
            SELECT DISTINCT ON (source_id) source_id AS k, headline AS name
            FROM f_ad_referrals WHERE source_id IS NOT NULL ORDER BY source_id, at DESC, id DESC""";

    /** {ids} is a SELECT of contact ids, {zone} the time zone's SQL parameter. */
    private static final String DAYS_OF = """
            SELECT (c.created_at AT TIME ZONE {zone})::date FROM f_contacts c WHERE c.id IN ({ids})
            UNION SELECT (s.at AT TIME ZONE {zone})::date FROM f_sends s WHERE s.contact_id IN ({ids})
            UNION SELECT (x AT TIME ZONE {zone})::date FROM f_deals d, unnest(ARRAY[d.inquiry_at, d.quoted_at, d.won_at]) x
             WHERE d.contact_id IN ({ids}) AND x IS NOT NULL""";

    private ContactAds() {
    }

    /**
     * The days on which the contacts of {@code contactIds} (a SELECT of contact ids) are counted: the day each was
     * added, its sends' days and its deals' stage days. A contact whose ad changes makes them stale. {@code zone}
     * is the time zone's SQL parameter.
     */
    static String daysOf(String contactIds, String zone) {
        return DAYS_OF.replace("{ids}", contactIds).replace("{zone}", zone);
    }
}
