package io.chatroi.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The internal token of this deployment ({@code chatroi.internal-token}, env {@code CHATROI_INTERNAL_TOKEN}).
 * Services check it on incoming {@code /api/**} requests ({@link InternalTokenFilter}); a service calling a sibling
 * directly sends it with {@link #addTo(java.util.function.BiConsumer)}.
 */
@ApplicationScoped
public class InternalToken {

    private final Optional<String> token;

    public InternalToken(@ConfigProperty(name = "chatroi.internal-token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    public Optional<String> value() {
        return token;
    }

    /** Adds the token header when one is configured, e.g. {@code internalToken.addTo(request::putHeader)}. */
    public void addTo(java.util.function.BiConsumer<String, String> putHeader) {
        token.ifPresent(t -> putHeader.accept(ChatRoiHeaders.INTERNAL_TOKEN, t));
    }
}
