package io.livecomplaints.resolution.limits.web;

import io.livecomplaints.resolution.config.LimitsProperties;
import io.livecomplaints.resolution.limits.model.TextCaps;
import io.livecomplaints.support.web.ApiProblem;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every request body of this service, once read, has each text field checked against its cap ({@link TextCaps}):
 * the body's record components are walked (nested records and lists too), so a new endpoint or field is capped
 * without anyone remembering to. A field over its cap is a 400 problem+json naming it ({@code errors[].field}), before
 * the controller runs, so the answer is the same whether the case exists or not.
 */
@RestControllerAdvice
class TextCapsAdvice extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 4;

    private final TextCaps caps;

    TextCapsAdvice(LimitsProperties limits) {
        LimitsProperties.TextChars t = limits.textChars();
        this.caps = new TextCaps(t.note(), t.reason(), t.description(), t.ruleId(), t.agentId(), t.other());
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        Map<String, String> problems = new LinkedHashMap<>();
        check("", "", body, problems, 0);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return body;
    }

    private void check(String path, String name, Object value, Map<String, String> problems, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            caps.problem(name, text.toString()).ifPresent(problem -> problems.put(path, problem));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                check(path + "[" + i++ + "]", name, item, problems, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String child = path.isEmpty() ? component.getName() : path + "." + component.getName();
                check(child, component.getName(), read(component, value), problems, depth + 1);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // request records are package-private
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getName(), e);
        }
    }
}
