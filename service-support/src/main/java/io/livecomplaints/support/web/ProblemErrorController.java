package io.livecomplaints.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The error page ({@code /error}: what the servlet container shows for an error no handler answered, e.g. a firewall
 * rejection, an unknown path, TRACE) as problem+json like every other error, instead of Boot's default JSON.
 * It says the status only: no exception message, no path segments echoed beyond the request URI.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    @ResponseBody
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        HttpStatus known = HttpStatus.resolve(status);
        String detail = switch (status) {
            case 400 -> "The request is malformed or was rejected";
            case 401 -> "A valid bearer token is required";
            case 403 -> "Your role does not allow this";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 413 -> "The request is too large";
            default -> known != null && known.is4xxClientError() ? "The request cannot be handled" : "Something went wrong on our side";
        };
        return ProblemRenderer.entity(ApiProblem.of(HttpStatusCode.valueOf(status), ProblemRenderer.title(status), detail));
    }
}
