package io.livecomplaints.intake.progress.web;

import io.livecomplaints.intake.progress.ComplaintProgress;
import io.livecomplaints.intake.progress.model.OwnerOnly;
import io.livecomplaints.intake.progress.model.OwnerView;
import io.livecomplaints.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/complaints/{id}}: the owner's view of their complaint's progress; 404 for anyone else. */
@RestController
@RequestMapping("/api/v1/complaints")
@SecurityRequirement(name = "bearer")
class ProgressController {

    private final ComplaintProgress progress;

    ProgressController(ComplaintProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/{complaintId}")
    @Operation(summary = "Progress of my complaint (进度)", description = "State, deadlines, timeline and, once "
            + "decided, the remedy and its basis. Only the user who filed it (USER token) can read it.")
    @ApiResponse(responseCode = "200", description = "the owner's view")
    @ApiResponse(responseCode = "404", description = "no such complaint, or not yours")
    ProgressResponse progress(Caller caller, @PathVariable String complaintId) {
        OwnerView view = progress.of(complaintId)
                .filter(v -> OwnerOnly.mayRead(caller.isUser(), caller.id(), v.userId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no complaint " + complaintId + " of yours"));
        return ProgressResponse.of(view);
    }
}
