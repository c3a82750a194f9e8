package io.chatroi.campaigns.link;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.UUID;

/**
 * The configured link signer and the public base URL tracked links are served under (the gateway's, which routes
 * {@code /r/**} here). The signing secret defaults to the webhook app secret so one secret less has to be managed.
 */
@ApplicationScoped
public class LinkCodes {

    private final Optional<String> secret;
    private final String publicUrl;
    private volatile LinkCode codec;

    public LinkCodes(@ConfigProperty(name = "chatroi.links.secret") Optional<String> secret,
                     @ConfigProperty(name = "chatroi.links.public-url") String publicUrl) {
        this.secret = secret;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    LinkCode codec() {
        LinkCode current = codec;
        if (current == null) {
            current = new LinkCode(secret.orElseThrow(() -> new IllegalStateException(
                    "CHATROI_LINK_SECRET (or WHATSAPP_APP_SECRET) is required for tracked links")));
            codec = current;
        }
        return current;
    }

    public String code(UUID sendId, int linkIndex) {
        return codec().encode(sendId, linkIndex);
    }

    /** The send and link a code names, when it is one of ours and unaltered. */
    public Optional<LinkCode.Target> target(String code) {
        return code == null ? Optional.empty() : codec().decode(code);
    }

    /** The public URL of a code. */
    public String url(String code) {
        return publicUrl + "/r/" + code;
    }
}
