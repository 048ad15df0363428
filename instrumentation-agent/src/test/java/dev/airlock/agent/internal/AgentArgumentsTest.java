package dev.airlock.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    private static final Properties NO_PROPERTIES = new Properties();

    @Test
    void enabledUnlessSomethingSaysFalse() {
        assertThat(AgentArguments.enabled(null, NO_PROPERTIES, Map.of())).isTrue();
        assertThat(AgentArguments.enabled("audit.enabled=false,mode=dry-run", NO_PROPERTIES, Map.of())).isTrue();
    }

    @Test
    void eachPlaceCanDisableIt() {
        assertThat(AgentArguments.enabled("audit.enabled=false, enabled = FALSE", NO_PROPERTIES, Map.of())).isFalse();
        assertThat(AgentArguments.enabled(null, properties("false"), Map.of())).isFalse();
        assertThat(AgentArguments.enabled("", NO_PROPERTIES, Map.of("AIRLOCK_ENABLED", "false"))).isFalse();
    }

    @Test
    void agentArgumentsWinOverSystemPropertiesWhichWinOverTheEnvironment() {
        assertThat(AgentArguments.enabled("enabled=true", properties("false"), Map.of("AIRLOCK_ENABLED", "false")))
                .isTrue();
        assertThat(AgentArguments.enabled(null, properties("true"), Map.of("AIRLOCK_ENABLED", "false"))).isTrue();
    }

    @Test
    void readsOneArgument() {
        assertThat(AgentArguments.argument("a=1,b=x=y,c", "b")).isEqualTo("x=y");
        assertThat(AgentArguments.argument("a=1,c", "c")).isEmpty();
        assertThat(AgentArguments.argument("a=1", "b")).isNull();
    }

    private static Properties properties(String enabled) {
        Properties p = new Properties();
        p.setProperty("airlock.enabled", enabled);
        return p;
    }
}
