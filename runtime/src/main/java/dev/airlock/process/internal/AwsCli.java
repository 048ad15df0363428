package dev.airlock.process.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The aws CLI: {@code aws [global options] <service> <command> [--parameters]} is the API operation
 * {@code Pascal(command)} of the service, with the same IAM actions, request fields and classification as the
 * SDK call would have; the high-level {@code aws s3} commands are read by {@link S3Commands}.
 */
final class AwsCli implements Tool {

    private static final Set<String> GLOBAL_VALUES = Set.of("region", "profile", "endpoint-url", "output",
            "query", "ca-bundle", "cli-read-timeout", "cli-connect-timeout", "color", "cli-binary-format");
    private static final Set<String> GLOBAL_FLAGS = Set.of("debug", "no-verify-ssl", "no-paginate",
            "no-sign-request", "no-cli-pager", "cli-auto-prompt", "no-cli-auto-prompt");
    /** Options that shape the CLI's paging and output, not the request. */
    private static final Set<String> NOT_REQUEST = Set.of("max-items", "starting-token", "page-size",
            "cli-input-json", "cli-input-yaml", "generate-cli-skeleton");

    /** The command line, split into what the CLI itself takes and what goes to the operation. */
    record Parsed(Word service, Word command, List<Word> rest, Map<String, String> globals, boolean noCall) {
    }

    @Override
    public List<Recognised> recognise(Invocation inv, ToolContext ctx) {
        Parsed p = parse(inv.args());
        if (p.noCall() || p.service() == null) {
            return List.of();
        }
        String region = ToolContext.region(inv.env(), p.globals().get("region"));
        if (p.service().dynamic() || (p.command() != null && p.command().dynamic())) {
            return List.of(unresolved(inv, ctx, p, region));
        }
        String service = p.service().text();
        if (AwsCliNames.local(service) || p.command() == null || p.command().text().equals("help")
                || (!p.rest().isEmpty() && p.rest().get(0).text().equals("help"))) {
            return List.of();
        }
        String endpoint = endpoint(inv.env(), p.globals().get("endpoint-url"), AwsCliNames.prefix(service));
        if (service.equals("s3")) {
            return List.of(S3Commands.recognise(inv, ctx, p.command().text(), p.rest(), region, endpoint));
        }
        return api(inv, ctx, service, p.command().text(), p.rest(), region, endpoint);
    }

    static Parsed parse(List<Word> args) {
        Word service = null;
        Word command = null;
        List<Word> rest = new ArrayList<>();
        Map<String, String> globals = new LinkedHashMap<>();
        boolean noCall = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String t = w.text();
            if (!w.dynamic() && t.startsWith("--") && t.length() > 2) {
                int eq = t.indexOf('=');
                String name = eq > 0 ? t.substring(2, eq) : t.substring(2);
                if (GLOBAL_VALUES.contains(name)) {
                    Word value = eq > 0 ? Word.literal(t.substring(eq + 1))
                            : i + 1 < args.size() ? args.get(++i) : Word.literal("");
                    globals.put(name, value.dynamic() ? null : value.text());
                    continue;
                }
                if (GLOBAL_FLAGS.contains(name)) {
                    continue;
                }
                if (name.equals("version") || name.equals("generate-cli-skeleton")) {
                    noCall = true;
                }
            }
            if (service == null && !t.startsWith("-")) {
                service = w;
            } else if (command == null && service != null && !t.startsWith("-")) {
                command = w;
            } else {
                rest.add(w);
            }
        }
        return new Parsed(service, command, rest, globals, noCall);
    }

    private static List<Recognised> api(Invocation inv, ToolContext ctx, String service, String command,
                                        List<Word> rest, String region, String endpoint) {
        ActionCatalog catalog = ctx.catalog();
        AwsCliNames.Custom custom = AwsCliNames.custom(service, command);
        String prefix = custom != null ? custom.prefix() : AwsCliNames.prefix(service);
        Options options = Options.read(rest, inv);
        if (options.skeleton()) {
            return List.of();
        }
        if (command.equals("wait")) {
            return List.of(new Recognised(waiter(inv, ctx, prefix, options, region, endpoint), inv.text(), null));
        }
        List<String> ops = custom != null ? custom.operations()
                : List.of(canonical(catalog, prefix, AwsCliNames.pascal(command)));
        String main = ops.get(ops.size() - 1);
        Operation op = catalog.operation(prefix, main);
        Classification c = catalog.classify(op, options.parameters());
        Set<String> actions = new LinkedHashSet<>(op.actions());
        for (String other : ops) {
            if (!other.equals(main)) {
                Operation o = catalog.operation(prefix, other);
                actions.addAll(o.actions());
                c = c.max(o.classification());
            }
        }
        if (Boolean.TRUE.equals(options.parameters().get("DryRun"))) {
            // EC2 answers a dry run with an error and changes nothing.
            c = Classification.READ;
        }
        Call call = Call.builder()
                .origin(ToolContext.CLI)
                .service(prefix)
                .operation(main)
                .actions(List.copyOf(actions))
                .classification(c)
                .resources(catalog.resources(op, options.known(), region, ctx.account()))
                .region(region)
                .account(ctx.account())
                .endpoint(endpoint)
                .parameters(options.parameters())
                .requester(ctx.requester())
                .build();
        return List.of(new Recognised(call, inv.text(), null));
    }

    /** {@code aws ec2 wait instance-running}: polls a Describe operation; reads only. */
    private static Call waiter(Invocation inv, ToolContext ctx, String prefix, Options options, String region,
                               String endpoint) {
        String name = options.positional().isEmpty() ? "" : options.positional().get(0).text();
        String operation = "Wait" + AwsCliNames.pascal(name);
        return Call.builder().origin(ToolContext.CLI).service(prefix).operation(operation)
                .actions(List.of(prefix + ":" + operation)).classification(Classification.READ)
                .region(region).account(ctx.account()).endpoint(endpoint).parameters(options.parameters())
                .requester(ctx.requester()).build();
    }

    /** A command whose service or operation is computed when the script runs: it could be anything. */
    private static Recognised unresolved(Invocation inv, ToolContext ctx, Parsed p, String region) {
        String prefix = p.service().dynamic() ? "aws" : AwsCliNames.prefix(p.service().text());
        Map<String, Object> params = Map.of("Arguments", texts(inv.args()));
        Call call = Call.builder().origin(ToolContext.CLI).service(prefix).operation("UnresolvedCommand")
                .actions(List.of(prefix + ":UnresolvedCommand")).classification(Classification.DESTRUCTIVE)
                .region(region).account(ctx.account()).parameters(params).requester(ctx.requester()).build();
        return new Recognised(call, inv.text(), null);
    }

    /** The operation name as the catalog spells it ({@code DescribeDBInstances}, not {@code DescribeDbInstances}). */
    static String canonical(ActionCatalog catalog, String prefix, String operation) {
        ActionInfo info = catalog.action(prefix + ":" + operation);
        if (info == null || info.name() == null) {
            return operation;
        }
        String name = info.name();
        name = name.substring(name.indexOf(':') + 1);
        return name.equalsIgnoreCase(operation) ? name : operation;
    }

    static String endpoint(Env env, String flag, String prefix) {
        if (flag != null && !flag.isEmpty()) {
            return flag;
        }
        String specific = env.get("AWS_ENDPOINT_URL_" + prefix.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (specific != null && !specific.isEmpty()) {
            return specific;
        }
        String general = env.get("AWS_ENDPOINT_URL");
        return general == null || general.isEmpty() ? null : general;
    }

    static List<String> texts(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.text());
        }
        return out;
    }

    /**
     * An operation's parameters as request fields: {@code --bucket-name x} is {@code BucketName: "x"}, a flag
     * is {@code true}, {@code --no-x} is {@code false}; JSON values are parsed, integers are numbers.
     *
     * @param parameters every field, unknown values kept as their source text (so the fingerprint is the command's)
     * @param known only the fields whose value is known, for resource names
     */
    record Options(Map<String, Object> parameters, Map<String, Object> known, List<Word> positional,
                   boolean skeleton) {

        static Options read(List<Word> rest, Invocation inv) {
            Map<String, Object> params = new LinkedHashMap<>();
            Map<String, Object> known = new LinkedHashMap<>();
            List<Word> positional = new ArrayList<>();
            boolean skeleton = false;
            int i = 0;
            while (i < rest.size()) {
                Word w = rest.get(i);
                if (!isOption(w)) {
                    positional.add(w);
                    i++;
                    continue;
                }
                String name = w.text().substring(2);
                List<Word> values = new ArrayList<>();
                int eq = name.indexOf('=');
                if (eq > 0) {
                    values.add(new Word(name.substring(eq + 1), w.dynamic()));
                    name = name.substring(0, eq);
                    i++;
                } else {
                    i++;
                    while (i < rest.size() && !isOption(rest.get(i))) {
                        values.add(rest.get(i++));
                    }
                }
                if (name.equals("generate-cli-skeleton")) {
                    skeleton = true;
                }
                if (name.equals("cli-input-json") || name.equals("cli-input-yaml")) {
                    Map<String, Object> input = CliInput.read(values, name.endsWith("yaml"), inv.directory());
                    input.forEach(params::putIfAbsent);
                    input.forEach(known::putIfAbsent);
                    continue;
                }
                if (NOT_REQUEST.contains(name)) {
                    continue;
                }
                put(params, known, name, values, inv.directory());
            }
            return new Options(params, known, positional, skeleton);
        }

        private static void put(Map<String, Object> params, Map<String, Object> known, String name,
                                List<Word> values, java.nio.file.Path directory) {
            if (values.isEmpty()) {
                boolean negated = name.startsWith("no-");
                String key = AwsCliNames.pascal(negated ? name.substring(3) : name);
                params.put(key, !negated);
                known.put(key, !negated);
                return;
            }
            String key = AwsCliNames.pascal(name);
            boolean dynamic = values.stream().anyMatch(Word::dynamic);
            Object value;
            if (values.size() == 1) {
                value = scalar(values.get(0), directory);
            } else {
                List<Object> list = new ArrayList<>();
                for (Word v : values) {
                    list.add(scalar(v, directory));
                }
                value = list;
            }
            params.put(key, value);
            if (!dynamic) {
                known.put(key, value);
            }
        }

        private static boolean isOption(Word w) {
            return !w.dynamic() && w.text().startsWith("--") && w.text().length() > 2;
        }

        private static Object scalar(Word w, java.nio.file.Path directory) {
            return CliValues.of(w, directory);
        }
    }
}
