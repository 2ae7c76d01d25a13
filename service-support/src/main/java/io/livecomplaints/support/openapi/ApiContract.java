package io.livecomplaints.support.openapi;

import io.livecomplaints.support.web.ProblemRenderer;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every API of the platform shares, added to a service's OpenAPI document: the {@code bearer} scheme (a JWT,
 * docs/security.md) required by every operation, the {@code scraper} scheme (HTTP Basic {@code prometheus}, for
 * {@code /actuator/prometheus} and {@code /actuator/metrics}, which are not API operations), the {@code Problem}
 * schema (RFC 9457, as {@link ProblemRenderer} and Spring's ProblemDetail write it) and the error answers every operation
 * can give: 400 (a request with a body or parameters), 401, 403, 413 (a body), 429 and 500, each as
 * {@code application/problem+json} with an example. Answers a controller documents itself are left as they are.
 */
public final class ApiContract implements OpenApiCustomizer {

    public static final String BEARER = "bearer";
    public static final String SCRAPER = "scraper";
    public static final String PROBLEM = "Problem";

    private final String serviceName;
    private final String description;

    public ApiContract(String serviceName, String description) {
        this.serviceName = serviceName;
        this.description = description;
    }

    @Override
    public void customise(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        if (info.getTitle() == null || info.getTitle().equals("OpenAPI definition")) {
            info.title(serviceName);
        }
        if (info.getVersion() == null || info.getVersion().equals("v0")) {
            info.version("v1");
        }
        if (info.getDescription() == null && description != null) {
            info.description(description);
        }
        api.info(info);

        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JWT of the platform's identity provider with the caller's roles "
                        + "(docs/security.md). Without a valid token: 401; a role that may not call the operation: 403."));
        components.addSecuritySchemes(SCRAPER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Prometheus: HTTP Basic user prometheus with COMPLAINTS_SECURITY_SCRAPER_PASSWORD, for "
                        + "/actuator/prometheus and /actuator/metrics only (not API operations)."));
        components.addSchemas(PROBLEM, problemSchema());
        api.security(List.of(new SecurityRequirement().addList(BEARER)));

        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean hasBody = operation.getRequestBody() != null;
            boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.responses(responses);
            if (hasBody || hasParameters) {
                // the example names a real input of the operation: its first parameter, or the body
                String field = hasParameters ? operation.getParameters().get(0).getName() : "body";
                add(responses, 400, "A field, parameter or the body is invalid: the problem names the field.", path,
                        "Invalid fields: " + field, field);
            }
            // the examples are the answers of ApiSecurityAutoConfiguration and ApiLimitsFilter
            add(responses, 401, "No token, or an invalid or expired one.", path, "A valid bearer token is required", null);
            add(responses, 403, "The token's role may not call this operation.", path, "Your role does not allow this", null);
            if (hasBody) {
                add(responses, 413, "The body is larger than the service's cap.", path,
                        "The request body is larger than 65536 bytes", null);
            }
            add(responses, 429, "Too many requests from this caller; retry after the Retry-After header's seconds.", path,
                    "Too many requests from this caller; retry in 1 s", null);
            add(responses, 500, "An unexpected error; nothing about it is shown to the caller.", path, "Internal Server Error", null);
            // errors a controller documents itself (404, 409, 422 ...) are problem+json too (springdoc would give them
            // the method's return type)
            responses.forEach((code, response) -> {
                if (code.matches("[45]\\d\\d") && (response.getContent() == null || !response.getContent().containsKey(ProblemRenderer.CONTENT_TYPE))) {
                    int status = Integer.parseInt(code);
                    response.content(problemContent(status, path, response.getDescription(), null));
                }
            });
        }));
    }

    private static void add(ApiResponses responses, int status, String description, String path, String detail, String field) {
        String code = Integer.toString(status);
        if (responses.containsKey(code)) {
            return; // given problem+json content below if the controller did not
        }
        responses.addApiResponse(code, new ApiResponse().description(description).content(problemContent(status, path, detail, field)));
    }

    private static Content problemContent(int status, String path, String detail, String field) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", switch (status) {
            case 403 -> "Forbidden";
            case 413 -> "Request too large";
            case 429 -> "Too many requests";
            default -> ProblemRenderer.title(status);
        });
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path);
        if (field != null) {
            example.put("field", field);
            example.put("errors", List.of(Map.of("field", field, "message", "must not be blank")));
        }
        return new Content().addMediaType(ProblemRenderer.CONTENT_TYPE, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema error = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("the first invalid field (400)"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(error)
                        .description("every invalid field with its message (400)"))
                .required(List.of("title", "status"));
    }
}
