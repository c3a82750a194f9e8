package io.chatroi.common.input;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * What the JSON parser itself refuses before anything is built from a body: nesting deeper than
 * {@link BodyBoundary#MAX_DEPTH} levels (deep JSON costs stack and memory), numbers of more than 100 digits
 * and strings of more than a million characters (no field allows anywhere near that).
 */
@Singleton
public class JsonReadLimits implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(BodyBoundary.MAX_DEPTH)
                .maxNumberLength(100)
                .maxStringLength(1_000_000)
                .build());
    }
}
