package dev.airlock.engine;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.internal.SettingValues;
import dev.airlock.egress.Egress;
import dev.airlock.gate.BudgetStore;
import dev.airlock.gate.KillSwitch;
import dev.airlock.gate.KillSwitchGate;
import dev.airlock.plan.Prober;
import java.time.Duration;

/**
 * The prober, budget store and kill switch as the config describes them: probes through the calling client,
 * budgets and the kill switch of this machine, or org-wide on DynamoDB ({@code budget.store},
 * {@code kill-switch.store}) through Airlock's own AWS client.
 */
final class GuardrailParts {

    private GuardrailParts() {
    }

    static Engine.Builder fromConfig(AirlockConfig config, Engine.Builder builder) throws ConfigException {
        builder.probes(Prober.probing(config.duration(AirlockConfig.PROBE_TIMEOUT),
                Integer.parseInt(config.get(AirlockConfig.PROBE_MAX_PAGES))));
        KillSwitch machine = KillSwitch.onMachine(config.stateDir());
        try {
            if ("dynamodb".equals(config.get(AirlockConfig.BUDGET_STORE))) {
                builder.budgets(Egress.parts().dynamoDbBudgets(config));
            }
            if ("dynamodb".equals(config.get(AirlockConfig.KILL_SWITCH_STORE))) {
                builder.killSwitch(KillSwitch.either(machine, Egress.parts().dynamoDbKillSwitch(config)));
            } else {
                builder.killSwitch(machine);
            }
        } catch (RuntimeException | LinkageError e) {
            machine.close();
            throw new ConfigException("the org-wide budget store or kill switch could not be set up: "
                    + e.getMessage(), e);
        }
        return builder;
    }

    /** The kill switch gate with the trip wires of the config; every trip and reset goes to the audit. */
    static KillSwitchGate killSwitchGate(AirlockConfig config, KillSwitch killSwitch, AuditLog audit) {
        Object[] burst = SettingValues.burst(AirlockConfig.KILL_SWITCH_BURST,
                config.get(AirlockConfig.KILL_SWITCH_BURST));
        killSwitch.listen((open, reason, by) -> audit.record(record(open, reason, by)));
        return new KillSwitchGate(killSwitch, (Long) burst[0], (Duration) burst[1],
                config.duration(AirlockConfig.KILL_SWITCH_RECREATE_WINDOW));
    }

    /** The audit record of a trip ({@code TRIP}) or a reset ({@code RESET}). */
    static AuditRecord record(boolean open, String reason, String by) {
        return new AuditRecord(System.currentTimeMillis(), "airlock", open ? "Halt" : "Resume",
                open ? "airlock:Halt" : "airlock:Resume", null, "kill-switch", "-", open ? "TRIP" : "RESET",
                (open ? reason : "kill switch reset") + " (by " + by + ")", null, 0, null);
    }
}
