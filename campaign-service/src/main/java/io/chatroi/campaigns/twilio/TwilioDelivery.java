package io.chatroi.campaigns.twilio;

/** What a Twilio webhook carried: how many receipts and inbound messages were stored. */
public record TwilioDelivery(int statuses, int messages) {
}
