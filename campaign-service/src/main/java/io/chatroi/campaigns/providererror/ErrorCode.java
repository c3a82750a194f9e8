package io.chatroi.campaigns.providererror;

/**
 * What one Meta error code means: its title, what happened in plain words, what to do, and whether sending the same
 * message again later can succeed.
 */
public record ErrorCode(int code, String title, String meaning, String action, boolean retryable) {
}
