package dev.airlock.sample;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A plain SDK program that deletes DynamoDB tables, the way a tool clearing its environment would: it tries every
 * table at once, one thread each, prints one line per table, then waits for a line on standard input:
 * {@code retry} tries the tables still there again, {@code exit} ends. Lines: {@code DELETED t},
 * {@code FAILED t :: message}; after each round {@code ROUND DONE}.
 *
 * <p>Usage: {@code TableDropper ENDPOINT TABLE...}
 */
public final class TableDropper {

    private TableDropper() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        List<String> left = new ArrayList<>(List.of(args).subList(1, args.length));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("airlocktest", "airlocktestsecret")))
                .build();
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(left.size(), 64)));
            while (true) {
                List<Future<String>> results = new ArrayList<>();
                for (String table : left) {
                    results.add(pool.submit(() -> {
                        try {
                            dynamo.deleteTable(b -> b.tableName(table));
                            return "DELETED " + table;
                        } catch (RuntimeException e) {
                            return "FAILED " + table + " :: " + e.getMessage().replace('\n', ' ');
                        }
                    }));
                }
                List<String> still = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) {
                    String line = results.get(i).get();
                    System.out.println(line);
                    if (!line.startsWith("DELETED")) {
                        still.add(left.get(i));
                    }
                }
                left = still;
                System.out.println("ROUND DONE");
                System.out.flush();
                String command = in.readLine();
                if (command == null || command.equals("exit") || left.isEmpty() && !command.equals("retry")) {
                    break;
                }
            }
            pool.shutdownNow();
        }
    }
}
