package dev.airlock.plan.internal.probes;

/** How a failed read reads in a plan: short, and with the service's own error code where it gave one. */
final class ProbeErrors {

    private ProbeErrors() {
    }

    static String why(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        m = m.replace('\n', ' ');
        return e.getClass().getSimpleName() + ": " + (m.length() > 160 ? m.substring(0, 160) + "..." : m);
    }

    /** True when the service answered that the thing asked about is simply not configured or not there. */
    static boolean notFound(Throwable e, String... codes) {
        String m = String.valueOf(e.getMessage()) + " " + e.getClass().getSimpleName();
        for (String code : codes) {
            if (m.contains(code)) {
                return true;
            }
        }
        return false;
    }
}
