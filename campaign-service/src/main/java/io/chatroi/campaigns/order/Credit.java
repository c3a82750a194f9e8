package io.chatroi.campaigns.order;

import java.util.UUID;

/**
 * What an order was credited to and why: {@code link} (a tracked-link code in the landing URL), {@code utm} (our
 * UTM parameters), {@code click} (the buyer's last click inside the campaign's window), {@code send} (their last
 * delivered send inside the window) or {@code none}.
 */
public record Credit(String kind, UUID campaignId, String variant, UUID sendId) {

    public static final Credit NONE = new Credit("none", null, null, null);
}
