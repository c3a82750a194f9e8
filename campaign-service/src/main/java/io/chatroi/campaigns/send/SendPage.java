package io.chatroi.campaigns.send;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The contract's name for a page of sends ({@code Page<SendView>}): the sends lists answer JSON or CSV from one
 * method returning a Response, so no return type names the page's schema for them.
 */
@Schema(name = "PageSendView")
public record SendPage(List<SendView> items, @Schema(nullable = true) String nextCursor) {
}
