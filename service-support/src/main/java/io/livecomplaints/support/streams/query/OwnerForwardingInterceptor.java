package io.livecomplaints.support.streams.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/** Routes requests to {@link ForwardToOwner} methods to the owner of their key (after authentication, before the method). */
final class OwnerForwardingInterceptor implements HandlerInterceptor {

    private final StoreOwners owners;

    OwnerForwardingInterceptor(StoreOwners owners) {
        this.owners = owners;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ForwardToOwner route = method.getMethodAnnotation(ForwardToOwner.class);
        if (route == null) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String key = variables == null ? null : variables.get(route.key());
        if (key == null) {
            return true;
        }
        return owners.forward(route.store(), key, request, response);
    }
}
