package io.chatroi.campaigns.observability;

/**
 * Meta's Cloud API error codes folded into a few classes an operator can alert on, so a label never carries the
 * open-ended code itself: {@code none}, {@code throttling} (130xxx, 80007, 4), {@code recipient} (131xxx: not
 * on WhatsApp, undeliverable, marketing limits, user stopped), {@code template} (132xxx), {@code account}
 * (133xxx registration, 190 token, 10/200 permissions), {@code request} (other codes below 1000) or {@code other}.
 */
public final class MetaErrorClass {

    private MetaErrorClass() {
    }

    public static String of(Integer code) {
        if (code == null) {
            return "none";
        }
        int c = code;
        if (c == 4 || c == 80007 || c / 1000 == 130) {
            return "throttling";
        }
        if (c / 1000 == 131) {
            return "recipient";
        }
        if (c / 1000 == 132) {
            return "template";
        }
        if (c / 1000 == 133 || c == 190 || c == 10 || (c >= 200 && c < 300)) {
            return "account";
        }
        return c >= 0 && c < 1000 ? "request" : "other";
    }
}
