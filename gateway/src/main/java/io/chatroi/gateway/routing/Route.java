package io.chatroi.gateway.routing;

/**
 * Where one family of public paths goes. {@code name} keys the route's timeout; {@code keyRequired} is false for the
 * webhook and the tracked-link redirect, which authenticate otherwise (signature) or not at all.
 */
public record Route(String name, Upstream upstream, boolean keyRequired) {
}
