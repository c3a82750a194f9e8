package io.chatroi.metrics.report.drill;

/**
 * The lists of deals behind a scorecard count or an ROI value part, each as the recompute counts it (deals in the
 * workspace currency or in none, on the workspace days of the instant that places them): which instant places a
 * deal, and whether it is a won one, a repeat order, or one row per repeat customer.
 */
public enum DealList {
    /** Quotes sent: deals quoted on the days (any stage since). */
    QUOTED("quoted_at"),
    /** Orders won: won deals; their order amounts add up to the order amount and the revenue. */
    WON("won_at"),
    /**
     * Repurchasing customers: repeat orders, one per customer, workspace day and credited campaign (the newest), as
     * the recompute counts distinct customers per day and campaign.
     */
    REPEAT_CUSTOMERS("won_at"),
    /** ROI's direct sales: won deals that are no repeat order; their values add up to the direct part. */
    DIRECT("won_at"),
    /** ROI's repeat orders: won deals that follow another win within the repurchase window. */
    REPEAT("won_at"),
    /** ROI's lead value: the inquiries of the days, each worth the settings' value per lead. */
    INQUIRIES("inquiry_at");

    private final String instant;

    DealList(String instant) {
        this.instant = instant;
    }

    /** The f_deals column whose workspace day places a deal in the range. */
    String instant() {
        return instant;
    }
}
