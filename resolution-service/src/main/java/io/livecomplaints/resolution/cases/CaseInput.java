package io.livecomplaints.resolution.cases;

import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.SurveyResponse;

/** One of the case processor's inputs, all keyed by complaintId: a triaged complaint, a command, a survey answer. */
record CaseInput(ComplaintTriaged triaged, ComplaintCommand command, SurveyResponse survey) {

    static CaseInput of(ComplaintTriaged triaged) {
        return new CaseInput(triaged, null, null);
    }

    static CaseInput of(ComplaintCommand command) {
        return new CaseInput(null, command, null);
    }

    static CaseInput of(SurveyResponse survey) {
        return new CaseInput(null, null, survey);
    }
}
