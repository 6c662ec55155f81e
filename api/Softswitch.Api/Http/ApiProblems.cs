using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Softswitch.Api.Http;

/// <summary>RFC 9457 problem responses used across the API, so every 4xx reads the same.</summary>
public static class ApiProblems
{
    public static NotFoundProblem NotFound(string resource, string id) =>
        new("Not found", $"No {resource} with id '{id}' exists in this tenant.");

    public static ConflictProblem Conflict(string detail) =>
        new(new ProblemDetails { Title = "Conflict", Detail = detail });

    public static PreconditionFailedProblem PreconditionFailed(long currentVersion) =>
        new("Precondition failed",
            $"If-Match does not match the current ETag \"{currentVersion}\"; fetch the resource again and retry.");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static Task Write(HttpContext http, int status, string title, string detail)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        http.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
