package dev.airlock.policy;

/** What conditions may test that is fixed for the whole process: the tool's name and the environment. */
public record PolicyContext(String tool, String environment) {
}
