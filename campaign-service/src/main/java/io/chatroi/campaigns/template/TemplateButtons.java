package io.chatroi.campaigns.template;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Reads the buttons of a template's stored content where SQL, not the entity, loaded it. */
public final class TemplateButtons {

    private TemplateButtons() {
    }

    public static List<TemplateButton> of(JsonObject content) {
        List<TemplateButton> buttons = new ArrayList<>();
        JsonArray array = content == null ? null : content.getJsonArray("buttons");
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonObject b = array.getJsonObject(i);
                buttons.add(new TemplateButton(b.getString("type"), b.getString("text"), b.getString("url"),
                        b.getString("payload")));
            }
        }
        return buttons;
    }
}
