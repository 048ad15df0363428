package dev.airlock.plan;

import dev.airlock.bridge.ProbeChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A calling client's probe channel that answers from a script: per operation, a function of the request. Records
 * each request and the thread it came on.
 */
public final class FakeChannel implements ProbeChannel {

    /** One scripted answer. */
    @FunctionalInterface
    public interface Answer {
        Map<String, Object> apply(Map<String, Object> request) throws Exception;
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> threads = new CopyOnWriteArrayList<>();
    public volatile boolean closed;

    public FakeChannel on(String operation, Answer answer) {
        answers.put(operation, answer);
        return this;
    }

    @Override
    public Map<String, Object> read(String operation, Map<String, Object> request) throws Exception {
        requests.add(operation + " " + new java.util.TreeMap<>(request));
        threads.add(Thread.currentThread().getName());
        Answer a = answers.get(operation);
        if (a == null) {
            throw new ClassNotFoundException("no such operation in this fake: " + operation);
        }
        return a.apply(request);
    }

    @Override
    public void close() {
        closed = true;
    }
}
