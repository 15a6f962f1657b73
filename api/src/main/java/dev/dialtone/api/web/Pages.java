package dev.dialtone.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The list shape of the API: {@code {"items": [...], "nextCursor": ...}}; a null cursor means the last page. */
public final class Pages {

    private Pages() {
    }

    public static Map<String, Object> of(List<?> items) {
        return of(items, null);
    }

    public static Map<String, Object> of(List<?> items, String nextCursor) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", nextCursor);
        return page;
    }
}
