package dev.airlock.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3CommandsTest {

    private static Call s3(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("aws", "s3"));
        argv.addAll(List.of(args));
        List<Recognised> found = Fixtures.calls(argv);
        assertThat(found).hasSize(1);
        return found.get(0).call();
    }

    @Test
    void rmOfOneObjectDeletesIt() {
        Call call = s3("rm", "s3://b/logs/a.txt");

        assertThat(call.action()).isEqualTo("s3:DeleteObject");
        assertThat(call.classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(call.resources()).containsExactly("arn:aws:s3:::b/logs/a.txt");
    }

    @Test
    void rmRecursiveDeletesEverythingUnderThePrefix() {
        Call call = s3("rm", "--recursive", "s3://b/logs/");

        assertThat(call.classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(call.actions()).contains("s3:DeleteObject", "s3:ListBucket");
        assertThat(call.resources()).containsExactly("arn:aws:s3:::b/logs/*");
    }

    @Test
    void rbForceEmptiesAndDeletesTheBucket() {
        Call call = s3("rb", "s3://b", "--force");

        assertThat(call.operation()).isEqualTo("DeleteBucket");
        assertThat(call.actions()).contains("s3:DeleteBucket", "s3:DeleteObject");
        assertThat(call.resources()).contains("arn:aws:s3:::b", "arn:aws:s3:::b/*");
        assertThat(s3("rb", "s3://b").actions()).doesNotContain("s3:DeleteObject");
    }

    @Test
    void syncWithDeleteRemovesObjectsFromTheTarget() {
        Call call = s3("sync", "./site", "s3://b/www", "--delete");

        assertThat(call.action()).isEqualTo("s3:DeleteObject");
        assertThat(call.classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(call.resources()).containsExactly("arn:aws:s3:::b/www*");
    }

    @Test
    void syncWithoutDeleteOnlyWrites() {
        assertThat(s3("sync", "./site", "s3://b").classification()).isEqualTo(Classification.WRITE);
    }

    @Test
    void syncDownToLocalDiskReadsTheBucket() {
        assertThat(s3("sync", "s3://b", "./backup", "--delete").classification()).isEqualTo(Classification.READ);
    }

    @Test
    void mvDeletesItsSource() {
        Call call = s3("mv", "s3://b/a", "s3://c/a");

        assertThat(call.classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(call.actions()).contains("s3:DeleteObject", "s3:GetObject", "s3:PutObject");
    }

    @Test
    void cpUploadsAndDownloads() {
        assertThat(s3("cp", "f.txt", "s3://b/f.txt").action()).isEqualTo("s3:PutObject");
        assertThat(s3("cp", "s3://b/f.txt", ".").classification()).isEqualTo(Classification.READ);
    }

    @Test
    void lsListsBucketsOrObjects() {
        assertThat(s3("ls").action()).isEqualTo("s3:ListAllMyBuckets");
        assertThat(s3("ls", "s3://b/").action()).isEqualTo("s3:ListBucket");
    }

    @Test
    void dryrunSendsNothingThatChanges() {
        assertThat(s3("rm", "s3://b", "--recursive", "--dryrun").classification()).isEqualTo(Classification.READ);
    }

    @Test
    void aFlagKnownOnlyAtRunTimeMightBeDelete() {
        Call call = Fixtures.script("read F; aws s3 sync . s3://b $F").get(0).call();

        assertThat(call.classification()).isEqualTo(Classification.DESTRUCTIVE);
    }
}
