package dev.airlock.plan.internal.probes;

import dev.airlock.plan.internal.Probe;
import java.util.HashMap;
import java.util.Map;

/** The probes Airlock has, by {@code service:Operation}; a call of any other kind gets the generic plan. */
public final class ServiceProbes {

    private static final Map<String, Probe> PROBES = build();

    private ServiceProbes() {
    }

    private static Map<String, Probe> build() {
        Map<String, Probe> probes = new HashMap<>();
        S3Probes.register(probes);
        DynamoDbProbes.register(probes);
        SqsProbes.register(probes);
        CloudFormationProbes.register(probes);
        Ec2Probes.register(probes);
        RdsProbes.register(probes);
        IamProbes.register(probes);
        KmsProbes.register(probes);
        LambdaProbes.register(probes);
        return Map.copyOf(probes);
    }

    /** The probe for an operation of a service (IAM prefix), or null. */
    public static Probe forOperation(String service, String operation) {
        return PROBES.get(service + ":" + operation);
    }
}
