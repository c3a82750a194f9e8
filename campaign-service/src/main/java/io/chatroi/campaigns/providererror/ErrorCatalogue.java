package io.chatroi.campaigns.providererror;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The WhatsApp Cloud API error codes the product meets, as data: the API returns the entry beside every stored
 * error, and lists the whole table. A code not listed is still stored and shown, with a generic explanation.
 */
public final class ErrorCatalogue {

    private static final List<ErrorCode> CODES = List.of(
            new ErrorCode(1, "API unknown", "Meta could not process the request (often a temporary problem).",
                    "Retry later; if it persists, check Meta's status page.", true),
            new ErrorCode(2, "API service", "A temporary outage or overload at Meta.", "Retry later.", true),
            new ErrorCode(4, "API too many calls", "The app hit its Graph API call-rate limit.",
                    "Slow down and retry after a pause.", true),
            new ErrorCode(10, "Permission denied", "The access token lacks a permission or the number is not"
                    + " enabled for the app.", "Check the system user's permissions in Business Manager.", false),
            new ErrorCode(190, "Access token expired", "The access token is expired or invalid.",
                    "Issue a new system-user token and update WHATSAPP_ACCESS_TOKEN.", false),
            new ErrorCode(368, "Temporarily blocked for policy violations", "The account broke a platform policy and"
                    + " is blocked from messaging for a while.", "Review the policy notice in WhatsApp Manager.", false),
            new ErrorCode(80007, "Rate limit issues", "The WhatsApp Business Account hit its rate limit.",
                    "Send more slowly and retry later.", true),
            new ErrorCode(130429, "Rate limit hit", "Cloud API throughput for this phone number was exceeded.",
                    "Lower CHATROI_DISPATCH_RATE or ask Meta for higher throughput; retry later.", true),
            new ErrorCode(130472, "User's number is part of an experiment", "Meta holds this user out of marketing"
                    + " messages as part of an experiment.", "Nothing to fix; do not count it against the campaign.",
                    false),
            new ErrorCode(130497, "Business account restricted in this country", "The account may not message users"
                    + " in the recipient's country.", "Leave these recipients out of the audience.", false),
            new ErrorCode(131000, "Something went wrong", "An unknown error at Meta.", "Retry later.", true),
            new ErrorCode(131005, "Access denied", "The permission needed for this call was not granted.",
                    "Check the token's permissions.", false),
            new ErrorCode(131008, "Required parameter is missing", "The request lacked a required field.",
                    "Check the template's parameters and the request.", false),
            new ErrorCode(131009, "Parameter value is not valid", "A value in the request is not allowed.",
                    "Check the phone number, template and parameters.", false),
            new ErrorCode(131016, "Service unavailable", "The Cloud API is temporarily unavailable.", "Retry later.",
                    true),
            new ErrorCode(131021, "Recipient cannot be sender", "The message was addressed to the sending number.",
                    "Remove the business's own number from the audience.", false),
            new ErrorCode(131026, "Message undeliverable", "The recipient is not on WhatsApp, uses an old app, has not"
                    + " accepted the latest terms, or blocked the business.",
                    "Check the number; do not resend soon; consider another channel.", false),
            new ErrorCode(131031, "Business account has been locked", "The account is locked, for example for a"
                    + " policy violation or a failed two-step verification.",
                    "Resolve it in WhatsApp Manager (Account quality) or appeal.", false),
            new ErrorCode(131042, "Business eligibility payment issue", "There is a problem with the payment method"
                    + " of the account.", "Fix the payment method in Business Manager.", false),
            new ErrorCode(131045, "Incorrect certificate", "The phone number's registration is not valid.",
                    "Register the phone number again.", false),
            new ErrorCode(131047, "Re-engagement message", "More than 24 hours passed since the user last wrote, so"
                    + " only a template may be sent.", "Send an approved template instead of a free-form message.",
                    false),
            new ErrorCode(131048, "Spam rate limit hit", "Too many recipients blocked or reported the number.",
                    "Check the number's quality rating; send less and to people who asked for it.", false),
            new ErrorCode(131049, "Meta chose not to deliver", "Meta limits how many marketing messages one user"
                    + " receives (a per-user marketing limit).",
                    "Do not retry at once; try again days later, or make the message more relevant.", false),
            new ErrorCode(131050, "User stopped marketing messages", "The user opted out of this business's marketing"
                    + " messages.", "Nothing to do: the contact is opted out and skipped from now on.", false),
            new ErrorCode(131051, "Unsupported message type", "The user sent a message type the Cloud API does not"
                    + " support.", "Read it on the phone or answer asking for text.", false),
            new ErrorCode(131052, "Media download error", "The media the user sent could not be downloaded.",
                    "Ask the user to send it again.", false),
            new ErrorCode(131053, "Media upload error", "The media could not be uploaded: unsupported type or too"
                    + " large.", "Check the media's type and size against Meta's limits.", false),
            new ErrorCode(131056, "Pair rate limit hit", "Too many messages to the same user in a short time.",
                    "Wait before messaging this user again.", true),
            new ErrorCode(131057, "Account in maintenance mode", "The account is being upgraded (for example its"
                    + " throughput).", "Retry in a few minutes.", true),
            new ErrorCode(132000, "Template parameter count mismatch", "The number of variables sent does not match"
                    + " the template.", "Match the campaign's parameters to the template's placeholders.", false),
            new ErrorCode(132001, "Template does not exist", "No approved template with this name exists in this"
                    + " language.", "Check the template's name, language and approval status.", false),
            new ErrorCode(132005, "Template hydrated text too long", "The body with its parameters is too long.",
                    "Shorten the parameters.", false),
            new ErrorCode(132007, "Template format character policy violated", "A parameter breaks the template's"
                    + " formatting rules.", "Remove new lines, tabs or too many spaces from the parameters.", false),
            new ErrorCode(132012, "Template parameter format mismatch", "A parameter has the wrong format.",
                    "Send parameters in the template's declared formats.", false),
            new ErrorCode(132015, "Template is paused", "The template was paused for low quality.",
                    "Edit the template or wait for it to be unpaused; the campaign is paused meanwhile.", false),
            new ErrorCode(132016, "Template is disabled", "The template was disabled after repeated pauses.",
                    "Create a new template.", false),
            new ErrorCode(132068, "Flow is blocked", "The Flow in the message is blocked.", "Fix the Flow.", false),
            new ErrorCode(132069, "Flow is throttled", "The Flow was sent too often while throttled.",
                    "Send it less often.", true),
            new ErrorCode(133010, "Phone number not registered", "The business phone number is not registered on the"
                    + " Cloud API.", "Register the number.", false),
            new ErrorCode(135000, "Generic user error", "Meta reported an unspecified problem with the request.",
                    "Check the request; contact Meta support if it persists.", false));

    private static final Map<Integer, ErrorCode> BY_CODE = CODES.stream()
            .collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    private ErrorCatalogue() {
    }

    /** The entry of a code, or a generic one for a code this table does not know (or a missing code). */
    public static ErrorCode explain(Integer code) {
        ErrorCode known = code == null ? null : BY_CODE.get(code);
        if (known != null) {
            return known;
        }
        return new ErrorCode(code == null ? 0 : code, "Unknown error", "A code this product does not describe yet.",
                "Look the code up in Meta's WhatsApp Cloud API error-code reference.", false);
    }

    public static List<ErrorCode> all() {
        return CODES.stream().sorted(Comparator.comparingInt(ErrorCode::code)).toList();
    }
}
