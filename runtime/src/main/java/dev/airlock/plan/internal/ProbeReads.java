package dev.airlock.plan.internal;

import dev.airlock.bridge.ProbeChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The read-only requests one plan may send: through the calling client's channel, at most {@code maxPages}
 * pages for each listing, and never after the plan's time is up (the thread is interrupted then).
 */
public final class ProbeReads {

    private final ProbeChannel channel;
    private final int maxPages;

    public ProbeReads(ProbeChannel channel, int maxPages) {
        this.channel = channel;
        this.maxPages = maxPages;
    }

    /** One request. */
    public Map<String, Object> read(String operation, Map<String, Object> request) throws Exception {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("out of time");
        }
        return channel.read(operation, request);
    }

    /**
     * A listing, page by page, each given to {@code page}.
     *
     * @param tokenIn the request member that carries the next page's token ({@code ContinuationToken})
     * @param tokenOut the response member that carries it ({@code NextContinuationToken})
     * @return true when every page was read; false when it stopped at the page limit
     */
    public boolean pages(String operation, Map<String, Object> request, String tokenIn, String tokenOut,
                         Consumer<Map<String, Object>> page) throws Exception {
        Map<String, Object> next = new HashMap<>(request);
        for (int n = 0; n < maxPages; n++) {
            Map<String, Object> response = read(operation, next);
            page.accept(response);
            String token = Fields.text(response, tokenOut);
            if (token == null || token.isEmpty()) {
                return true;
            }
            next.put(tokenIn, token);
        }
        return false;
    }

    public int maxPages() {
        return maxPages;
    }
}
