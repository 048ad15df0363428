package dev.airlock.audit.internal;

import dev.airlock.audit.AnchorBook;
import dev.airlock.audit.AuditAnchor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Anchors in memory, per chain. */
public final class InMemoryAnchorBook implements AnchorBook {

    private final Map<String, List<AuditAnchor.Anchor>> chains = new ConcurrentHashMap<>();

    @Override
    public void append(String chainId, AuditAnchor.Anchor anchor) {
        List<AuditAnchor.Anchor> list = chains.computeIfAbsent(chainId, c -> new ArrayList<>());
        synchronized (list) {
            list.add(anchor);
        }
    }

    @Override
    public List<AuditAnchor.Anchor> anchors(String chainId) {
        List<AuditAnchor.Anchor> list = chains.get(chainId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
