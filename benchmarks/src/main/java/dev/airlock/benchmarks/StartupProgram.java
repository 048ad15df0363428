package dev.airlock.benchmarks;

/**
 * The small SDK program whose start-to-exit the startup measurement times: it builds an S3 and a DynamoDB client,
 * makes one read with each against the loopback responder, closes them and exits.
 */
public final class StartupProgram {

    private StartupProgram() {
    }

    public static void main(String[] args) {
        try (SdkClients clients = SdkClients.at(args[0])) {
            clients.s3().headObject(SdkClients.HEAD_OBJECT);
            clients.dynamoDb().getItem(SdkClients.GET_ITEM);
        }
        System.out.println("OK");
    }
}
