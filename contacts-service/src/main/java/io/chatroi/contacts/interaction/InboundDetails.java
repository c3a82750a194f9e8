package io.chatroi.contacts.interaction;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.problem.Validator;

/**
 * What an inbound message carried beyond its text (campaign-service's bulk forward): an order placed in the chat,
 * a Flow's reply (the response_json text) and the click-to-WhatsApp ad it came from. Each part may be null.
 */
public record InboundDetails(ChatOrder order, String flowResponse, AdReferral referral) {

    public static final InboundDetails NONE = new InboundDetails(null, null, null);
    static final int MAX_ITEMS = 1000;
    static final int MAX_FLOW_RESPONSE = 65_536;
    static final int MAX_FIELD = 2048;

    boolean empty() {
        return order == null && flowResponse == null && referral == null;
    }

    void validate(Validator errors) {
        if (order != null) {
            errors.require(order.items().size() <= MAX_ITEMS, "order.items", "must hold at most " + MAX_ITEMS);
            errors.require(order.total() == null || order.total().signum() >= 0, "order.total", "must be >= 0");
            errors.require(order.total() == null || order.currency() != null, "order.currency",
                    "is required with a total");
            if (order.total() != null && order.currency() != null) {
                MoneyRules.check(errors, "order.total", order.total(), order.currency());
            }
        }
        errors.require(flowResponse == null || flowResponse.length() <= MAX_FLOW_RESPONSE, "flowResponse",
                "must be at most " + MAX_FLOW_RESPONSE + " characters");
        if (referral != null) {
            for (String value : new String[]{referral.sourceId(), referral.sourceType(), referral.sourceUrl(),
                    referral.headline(), referral.ctwaClid()}) {
                errors.require(value == null || value.length() <= MAX_FIELD, "referral",
                        "fields must be at most " + MAX_FIELD + " characters");
            }
        }
    }
}
