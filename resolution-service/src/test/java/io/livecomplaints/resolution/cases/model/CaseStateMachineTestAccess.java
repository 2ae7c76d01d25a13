package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;

/** Cases in a given state for tests of other packages (CaseStateMachineTest's fixtures are package-private). */
public final class CaseStateMachineTestAccess {

    private CaseStateMachineTestAccess() {
    }

    public static ComplaintCase inProgress() {
        return CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS);
    }
}
