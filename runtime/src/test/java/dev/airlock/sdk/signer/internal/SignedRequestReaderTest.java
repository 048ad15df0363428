package dev.airlock.sdk.signer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.sdk.internal.RequestFields;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A request handed to a signer is read back as the API call a client would have made. */
class SignedRequestReaderTest {

    @ParameterizedTest(name = "{0} {1}{2} on {3} is {4}")
    @CsvSource(delimiter = '|', value = {
        "DELETE | /doomed        |                | 127.0.0.1                           | DeleteBucket",
        "DELETE | /              |                | doomed.s3.us-east-1.amazonaws.com   | DeleteBucket",
        "DELETE | /doomed/a/b.txt|                | 127.0.0.1                           | DeleteObject",
        "DELETE | /a/b.txt       |                | doomed.s3.amazonaws.com             | DeleteObject",
        "POST   | /doomed        | delete         | 127.0.0.1                           | DeleteObjects",
        "DELETE | /doomed        | policy         | 127.0.0.1                           | DeleteBucketPolicy",
        "DELETE | /doomed        | lifecycle      | 127.0.0.1                           | DeleteBucketLifecycle",
        "DELETE | /doomed        | tagging        | 127.0.0.1                           | DeleteBucketTagging",
        "PUT    | /doomed        | versioning     | 127.0.0.1                           | PutBucketVersioning",
        "PUT    | /doomed        | policy         | 127.0.0.1                           | PutBucketPolicy",
        "PUT    | /doomed        |                | 127.0.0.1                           | CreateBucket",
        "PUT    | /doomed/k      |                | 127.0.0.1                           | PutObject",
        "DELETE | /doomed/k      | uploadId       | 127.0.0.1                           | AbortMultipartUpload",
        "GET    | /doomed/k      |                | 127.0.0.1                           | GetObject",
        "GET    | /doomed        | list-type      | 127.0.0.1                           | ListObjectsV2",
        "GET    | /doomed        | policy         | 127.0.0.1                           | GetBucketPolicy",
        "GET    | /              |                | s3.amazonaws.com                    | ListBuckets",
        "HEAD   | /doomed        |                | 127.0.0.1                           | HeadBucket",
        "PUT    | /doomed        | newfangled     | 127.0.0.1                           | UnrecognizedSignedRequest",
        "DELETE | /              |                | 127.0.0.1                           | UnrecognizedSignedRequest",
    })
    void s3RestShapes(String method, String path, String subResource, String host, String operation) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (subResource != null) {
            query.put(subResource, List.of());
        }
        SignedCall call = SignedRequestReader.read(new HttpShape(method, host, path, query, Map.of(), null), "s3");
        assertThat(call.service).isEqualTo("s3");
        assertThat(call.operation).isEqualTo(operation);
    }

    @Test
    void s3BucketAndKeyBecomeFieldsInBothStyles() {
        SignedCall pathStyle = SignedRequestReader.read(new HttpShape("DELETE", "127.0.0.1", "/doomed/dir/a%20b+c",
                Map.of("versionId", List.of("v1")), Map.of(), null), "s3");
        assertThat(pathStyle.fields).containsEntry("Bucket", "doomed").containsEntry("Key", "dir/a b+c")
                .containsEntry("VersionId", "v1").doesNotContainKey(RequestFields.CUT);
        SignedCall virtual = SignedRequestReader.read(new HttpShape("DELETE", "my.doomed.s3.eu-west-1.amazonaws.com",
                "/dir/a", Map.of(), Map.of(), null), "s3");
        assertThat(virtual.fields).containsEntry("Bucket", "my.doomed").containsEntry("Key", "dir/a");
    }

    @Test
    void aConfigurationBodyThatIsNotReadCountsAsCut() {
        SignedCall versioning = SignedRequestReader.read(new HttpShape("PUT", "127.0.0.1", "/b",
                Map.of("versioning", List.of()), Map.of(), null), "s3");
        assertThat(versioning.fields).containsEntry(RequestFields.CUT, true);
        SignedCall upload = SignedRequestReader.read(new HttpShape("PUT", "127.0.0.1", "/b/k", Map.of(), Map.of(),
                null), "s3");
        assertThat(upload.fields).doesNotContainKey(RequestFields.CUT);
    }

    @Test
    void aCopyIsReadFromItsHeader() {
        SignedCall copy = SignedRequestReader.read(new HttpShape("PUT", "127.0.0.1", "/b/k", Map.of(),
                Map.of("X-Amz-Copy-Source", List.of("src/key")), null), "s3");
        assertThat(copy.operation).isEqualTo("CopyObject");
        assertThat(copy.fields).containsEntry("CopySource", "src/key");
    }

    @Test
    void jsonProtocolsNameTheOperationInTheTargetAndTheFieldsInTheBody() {
        SignedCall call = SignedRequestReader.read(new HttpShape("POST", "127.0.0.1", "/", Map.of(),
                Map.of("x-amz-target", List.of("DynamoDB_20120810.DeleteTable")),
                body("{\"TableName\":\"orders\",\"Limit\":3,\"Nested\":{\"On\":true}}")), "dynamodb");
        assertThat(call.service).isEqualTo("dynamodb");
        assertThat(call.operation).isEqualTo("DeleteTable");
        assertThat(call.fields).containsEntry("TableName", "orders").containsEntry("Nested", Map.of("On", true));
        assertThat(call.fields.get("Limit")).isInstanceOf(Number.class);
    }

    @Test
    void aJsonBodyThatCannotBeReadCountsAsCut() {
        HttpShape unread = new HttpShape("POST", "127.0.0.1", "/", Map.of(),
                Map.of("X-Amz-Target", List.of("DynamoDB_20120810.UpdateTable")), null);
        assertThat(SignedRequestReader.read(unread, "dynamodb").fields).containsEntry(RequestFields.CUT, true);
        HttpShape garbage = new HttpShape("POST", "127.0.0.1", "/", Map.of(),
                Map.of("X-Amz-Target", List.of("DynamoDB_20120810.UpdateTable")), body("not json"));
        assertThat(SignedRequestReader.read(garbage, "dynamodb").fields).containsEntry(RequestFields.CUT, true);
    }

    @Test
    void queryProtocolsNameTheOperationInTheActionOfTheFormOrTheQuery() {
        SignedCall form = SignedRequestReader.read(new HttpShape("POST", "cloudformation.us-east-1.amazonaws.com",
                "/", Map.of(), Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
                body("Action=DeleteStack&Version=2010-05-15&StackName=prod+stack%21")), "cloudformation");
        assertThat(form.operation).isEqualTo("DeleteStack");
        assertThat(form.fields).containsExactly(Map.entry("StackName", "prod stack!"));
        SignedCall query = SignedRequestReader.read(new HttpShape("GET", "iam.amazonaws.com", "/",
                Map.of("Action", List.of("DeleteRole"), "RoleName", List.of("admin")), Map.of(), null), "iam");
        assertThat(query.operation).isEqualTo("DeleteRole");
        assertThat(query.fields).containsEntry("RoleName", "admin");
    }

    @Test
    void otherRestApisAreReadsWhenTheyReadAndUnknownOtherwise() {
        assertThat(SignedRequestReader.read(new HttpShape("GET", "abc.execute-api.us-east-1.amazonaws.com",
                "/prod/items", Map.of(), Map.of(), null), "execute-api").operation)
                .isEqualTo(SignedCall.UNRECOGNIZED_READ);
        assertThat(SignedRequestReader.read(new HttpShape("DELETE", "search-x.us-east-1.es.amazonaws.com",
                "/index", Map.of(), Map.of(), null), "es").operation).isEqualTo(SignedCall.UNRECOGNIZED);
        assertThat(SignedRequestReader.read(new HttpShape("DELETE", "lambda.us-east-1.amazonaws.com",
                "/2015-03-31/functions/f", Map.of(), Map.of(), null), null).service).isEqualTo("lambda");
    }

    private static HttpShape.Body body(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return () -> bytes;
    }
}
