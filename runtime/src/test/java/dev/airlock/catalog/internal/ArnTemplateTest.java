package dev.airlock.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnTemplateTest {

    @Test
    void fillsScopeAndVariables() {
        ArnTemplate template = ArnTemplate.compile("arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/index/${IndexName}");

        assertThat(template.variables()).containsExactly("TableName", "IndexName");
        assertThat(template.fill(ArnScope.of("cn-north-1", "123456789012"), "t", "i"))
                .isEqualTo("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/t/index/i");
        assertThat(template.fill(ArnScope.of(null, null), "t", "i")).isEqualTo("arn:aws:dynamodb:*:*:table/t/index/i");
    }

    @Test
    void aRepeatedVariableIsOneValue() {
        ArnTemplate template = ArnTemplate.compile("arn:${Partition}:x:::${Name}/${Name}");

        assertThat(template.variables()).containsExactly("Name");
        assertThat(template.fill(ArnScope.of("us-east-1", null), "a")).isEqualTo("arn:aws:x:::a/a");
    }

    @Test
    void literalTemplatesAndUnclosedBracesStayAsWritten() {
        assertThat(ArnTemplate.compile("arn:aws:iam::aws:root").fill(ArnScope.of(null, null))).isEqualTo("arn:aws:iam::aws:root");
        assertThat(ArnTemplate.compile("arn:${Partition}:x:::${Broken").fill(ArnScope.of("us-gov-west-1", null)))
                .isEqualTo("arn:aws-us-gov:x:::${Broken");
    }

    @Test
    void partitions() {
        assertThat(ArnScope.partitionOf("eu-west-1")).isEqualTo("aws");
        assertThat(ArnScope.partitionOf("cn-northwest-1")).isEqualTo("aws-cn");
        assertThat(ArnScope.partitionOf("us-gov-east-1")).isEqualTo("aws-us-gov");
        assertThat(ArnScope.partitionOf("us-iso-east-1")).isEqualTo("aws-iso");
        assertThat(ArnScope.partitionOf("us-isob-east-1")).isEqualTo("aws-iso-b");
        assertThat(ArnScope.partitionOf("*")).isEqualTo("aws");
    }
}
