package io.chatroi.campaigns.campaign;

import java.util.Map;

/**
 * Live campaign counters. A count of a state includes the later states (a read message is also delivered and sent);
 * holdout contacts receive nothing and are counted apart. {@code clicked} counts sends whose tracked link was opened
 * at least once, {@code clicks} every opening. {@code replied} counts only messages that are replies and
 * {@code reacted} sends that got an emoji reaction (engagement, not a reply), as {@code MessageKind} decides.
 */
public record Counters(long queued, long deferred, long skipped, long holdout, long sent, long delivered, long read,
                       long replied, long reacted, long clicked, long clicks, long failed, long optedOut, Map<String, Long> skippedByReason,
                       Map<String, Long> failedByCode) {
}
