package io.livecomplaints.resolution.api;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.MaskedContact;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contact data only where it is needed: resolution copies no contact value into complaint-cases or the agents' view,
 * even from a complaints-triaged record written before triage stopped embedding the contact.
 */
class ContactFreeCasesApiTest extends ApiTestSupport {

    private static final List<String> PERSONAL = List.of("13812345678", "xiaoming.wang@example.com", "王小明");

    @Test
    void complaintCasesAndTheCaseViewCarryNoContactValue() throws Exception {
        String id = newId();
        ComplaintTriaged legacy = triaged(id, Instant.now()).build();
        ComplaintReceived withContact = ComplaintReceived.newBuilder(legacy.getComplaint())
                .setContact(PersonalContact.newBuilder().setName("王小明").setPhone("13812345678")
                        .setEmail("xiaoming.wang@example.com").setConsentToContact(true).build())
                .build();
        try (TopicReader<ComplaintCase> cases = TestPlatform.get().reader(TestPlatform.get().topics().complaintCases)) {
            open(ComplaintTriaged.newBuilder(legacy).setComplaint(withContact)
                    .setMaskedContact(MaskedContact.newBuilder().setPhone("138****5678").setEmail("x***@example.com")
                            .setName("王**").setConsent(true).build())
                    .build());

            TopicReader.Received<ComplaintCase> opened = cases.await(r -> id.equals(r.key()), TIMEOUT);
            for (String value : PERSONAL) {
                assertThat(opened.bytesContain(value)).as("complaint-cases holds " + value).isFalse();
                assertThat(get("/api/v1/cases/" + id, supervisor("S-privacy")).body()).doesNotContain(value);
            }
        }
    }
}
