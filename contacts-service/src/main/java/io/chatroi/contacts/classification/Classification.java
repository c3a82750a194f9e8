package io.chatroi.contacts.classification;

import io.chatroi.contacts.tier.IntentTier;

import java.util.Set;

/** What one inbound message says about its sender: the strongest intent signal, interests, and opt-out. */
public record Classification(IntentTier intent, Set<String> interests, boolean optOut) {

    public static final Classification NOTHING = new Classification(null, Set.of(), false);
}
