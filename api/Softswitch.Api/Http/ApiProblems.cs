using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Softswitch.Api.Http;

/// <summary>RFC 9457 problem responses used across the API, so every 4xx reads the same.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string resource, string id) =>
        TypedResults.Problem(
            title: "Not found",
            detail: $"No {resource} with id '{id}' exists in this tenant.",
            statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult PreconditionFailed(long currentVersion) =>
        TypedResults.Problem(
            title: "Precondition failed",
            detail: $"If-Match does not match the current ETag \"{currentVersion}\"; fetch the resource again and retry.",
            statusCode: StatusCodes.Status412PreconditionFailed);

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
