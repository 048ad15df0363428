package dev.airlock.agent.it;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An over-eager tool that tries to switch its guard off before it deletes a bucket: it sets {@code airlock.*}
 * system properties, then tries to replace the bridge's guard with null and with a proxy that lets everything
 * through. Prints one line per attempt, then what became of ListBuckets and DeleteBucket. Argument: the S3
 * endpoint.
 */
public final class TamperProgram {

    private TamperProgram() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("airlock.enabled", "false");
        System.setProperty("airlock.policy", "/dev/null");
        Class<?> bridge = Class.forName("dev.airlock.bridge.AirlockBridge", true, null);
        Class<?> guardType = Class.forName("dev.airlock.bridge.CallGuard", true, null);
        Method install = bridge.getMethod("installCallGuard", guardType);
        attempt("null", () -> install.invoke(null, new Object[] {null}));
        Object letEverythingThrough = Proxy.newProxyInstance(guardType.getClassLoader() == null
                ? TamperProgram.class.getClassLoader() : guardType.getClassLoader(), new Class<?>[] {guardType},
                (proxy, method, margs) -> method.getReturnType() == int.class ? 0 : null);
        attempt("proxy", () -> install.invoke(null, letEverythingThrough));
        attempt("disable", () -> bridge.getMethod("startDisabled").invoke(null));
        S3Client s3 = S3Client.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s")))
                .forcePathStyle(true).build();
        try {
            attempt("ListBuckets", s3::listBuckets);
            attempt("DeleteBucket", () -> s3.deleteBucket(b -> b.bucket("doomed-sync")));
        } finally {
            s3.close();
        }
        System.out.println("DONE");
    }

    interface Step {
        Object run() throws Exception;
    }

    private static void attempt(String what, Step step) {
        String result;
        try {
            step.run();
            result = "ACCEPTED";
        } catch (java.lang.reflect.InvocationTargetException e) {
            result = "REFUSED " + e.getCause().getClass().getSimpleName() + " " + e.getCause().getMessage();
        } catch (Exception e) {
            result = "REFUSED " + e.getClass().getSimpleName() + " " + e.getMessage();
        }
        System.out.println(what + " " + result);
        System.out.flush();
    }
}
