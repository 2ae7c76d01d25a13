package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecomplaints.testkit.api.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 18 #3: the service's OpenAPI document (/v3/api-docs, public) lists every endpoint Spring maps, each with the
 * bearer scheme and its problem+json error answers (testkit OpenApiContract).
 */
class OpenApiDocumentTest extends IntakeApiTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void theDocumentCoversEveryMappedEndpoint() throws Exception {
        JsonNode document = OpenApiContract.verify(context, port);
        assertThat(document.path("info").path("title").asText()).contains("intake-service");
        assertThat(document.path("components").path("securitySchemes").path("scraper").path("scheme").asText()).isEqualTo("basic");
        System.out.println("OpenAPI intake-service: " + document.path("paths").size() + " paths, e.g. "
                + document.path("paths").properties().iterator().next());
    }

    @Test
    void anEndpointMissingFromTheDocumentFails() throws Exception {
        JsonNode document = OpenApiContract.verify(context, port);
        assertThat(OpenApiContract.differences(java.util.Set.of("DELETE /api/v1/complaints/{complaintId}"), document))
                .containsExactly("DELETE /api/v1/complaints/{complaintId}: mapped but not in the OpenAPI document");
    }
}
