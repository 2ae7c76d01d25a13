package io.livecomplaints.resolution.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.testkit.TestPlatform;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request body of the service, found in Spring's handler mappings (so a new endpoint cannot be forgotten), over
 * real HTTP: each text field, at any depth, refuses 100,000 characters with a 400 naming it; and no body carries the
 * caller's identity (merchant, user, actor, team, tier): such a field is refused with a 400 naming it, because who
 * calls is the token's to say.
 */
class RequestBodyRulesApiTest extends ApiTestSupport {

    private static final Set<String> IDENTITY_FIELDS = Set.of("merchantId", "anchorId", "userId", "actorId", "team", "tier", "role", "roles");

    @Autowired
    ApplicationContext context;

    private final AccessTokens tokens = TestPlatform.get().tokens();

    @Test
    void everyTextFieldIsCappedAndNoBodyNamesTheCaller() throws Exception {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                    continue;
                }
                Class<?> type = parameter.getParameterType();
                for (String pattern : entry.getKey().getPatternValues()) {
                    String uri = pattern.replaceAll("\\{[^}]+}", "C-probe-" + newId());
                    if (!type.isRecord()) {
                        failures.add(pattern + ": its body " + type.getName() + " is not a record, so its fields are not capped");
                        continue;
                    }
                    Map<String, Object> texts = new LinkedHashMap<>();
                    paths(type, "", texts);
                    for (String path : texts.keySet()) {
                        checked++;
                        HttpResponse<String> response = postAsAnyRole(uri, json(path, "长".repeat(100_000)));
                        if (response.statusCode() != 400 || !response.body().contains("\"field\":\"" + path + "\"")) {
                            failures.add(pattern + " " + path + " of 100,000 characters: " + response.statusCode() + " " + abbreviate(response.body()));
                        }
                    }
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (IDENTITY_FIELDS.contains(component.getName())) {
                            checked++;
                            HttpResponse<String> response = postAsAnyRole(uri, json(component.getName(), "M-1"));
                            if (response.statusCode() != 400 || !response.body().contains("\"field\":\"" + component.getName() + "\"")) {
                                failures.add(pattern + " takes the caller's identity from the body (" + component.getName() + "): "
                                        + response.statusCode());
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(15);
    }

    /** The first answer that is not a role refusal, trying each kind of caller (the role table is AuthMatrixApiTest's). */
    private HttpResponse<String> postAsAnyRole(String uri, String body) throws Exception {
        HttpResponse<String> last = null;
        for (String token : List.of(supervisor("S-body"), tokens.user("U-body"), tokens.merchant("M-body"), tokens.anchor("A-body"), tokens.system("body-system"),
                tokens.operator("ops-body"))) {
            last = post(uri, token, body);
            if (last.statusCode() != 401 && last.statusCode() != 403) {
                return last;
            }
        }
        return last;
    }

    /** Text leaves of a request record: {@code note}, {@code items[0].url} ... */
    private static void paths(Class<?> type, String prefix, Map<String, Object> out) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            Class<?> raw = component.getType();
            if (raw == String.class) {
                out.put(path, null);
            } else if (raw.isRecord()) {
                paths(raw, path, out);
            } else if (List.class.isAssignableFrom(raw) && component.getGenericType() instanceof ParameterizedType list) {
                Type item = list.getActualTypeArguments()[0];
                if (item == String.class) {
                    out.put(path + "[0]", null);
                } else if (item instanceof Class<?> c && c.isRecord()) {
                    paths(c, path + "[0]", out);
                }
            }
        }
    }

    /** A JSON body that sets only the field at {@code path} ({@code a.b}, {@code a[0].b}). */
    private static String json(String path, String value) {
        String quoted = "\"" + value + "\"";
        String[] parts = path.split("\\.");
        String inner = quoted;
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i];
            boolean list = part.endsWith("[0]");
            String name = list ? part.substring(0, part.length() - 3) : part;
            inner = "{\"" + name + "\":" + (list ? "[" + inner + "]" : inner) + "}";
        }
        return inner;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
