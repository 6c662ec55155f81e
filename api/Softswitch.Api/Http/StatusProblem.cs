using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Softswitch.Api.Http;

/// <summary>
/// An RFC 9457 problem whose status is part of its type. <see cref="ProblemHttpResult"/> declares no response, so a
/// handler returning it leaves its status out of the OpenAPI document; a handler returning a subclass of this inside
/// <c>Results&lt;…&gt;</c> declares it, and the compiler keeps the declaration and the code in step.
/// </summary>
public abstract class StatusProblem : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    private readonly ProblemHttpResult problem;

    protected StatusProblem(int status, ProblemDetails details)
    {
        details.Status = status;
        problem = TypedResults.Problem(details);
    }

    public ProblemDetails ProblemDetails => problem.ProblemDetails;

    public int StatusCode => problem.StatusCode;

    int? IStatusCodeHttpResult.StatusCode => problem.StatusCode;

    object? IValueHttpResult.Value => problem.ProblemDetails;

    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => problem.ProblemDetails;

    public string ContentType => problem.ContentType;

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    protected static void Declare(EndpointBuilder builder, int status, Type body) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, body, ["application/problem+json"]));
}

/// <summary>400 for a request that is malformed other than in its fields (those are a <see cref="ValidationProblem"/>).</summary>
public sealed class BadRequestProblem(string title, string detail)
    : StatusProblem(StatusCodes.Status400BadRequest, new ProblemDetails { Title = title, Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest, typeof(ProblemDetails));
}

public sealed class ForbiddenProblem(string title, string detail)
    : StatusProblem(StatusCodes.Status403Forbidden, new ProblemDetails { Title = title, Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status403Forbidden, typeof(ProblemDetails));
}

public sealed class NotFoundProblem(string title, string detail)
    : StatusProblem(StatusCodes.Status404NotFound, new ProblemDetails { Title = title, Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status404NotFound, typeof(ProblemDetails));
}

public sealed class ConflictProblem(ProblemDetails details)
    : StatusProblem(StatusCodes.Status409Conflict, details), IEndpointMetadataProvider
{
    public ConflictProblem(string title, string detail)
        : this(new ProblemDetails { Title = title, Detail = detail })
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status409Conflict, typeof(ProblemDetails));
}

public sealed class PreconditionFailedProblem(string title, string detail)
    : StatusProblem(StatusCodes.Status412PreconditionFailed, new ProblemDetails { Title = title, Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status412PreconditionFailed, typeof(ProblemDetails));
}

public sealed class PayloadTooLargeProblem(string title, string detail)
    : StatusProblem(StatusCodes.Status413PayloadTooLarge, new ProblemDetails { Title = title, Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
}

public sealed class UnsupportedMediaTypeProblem(string title, string detail)
    : StatusProblem(StatusCodes.Status415UnsupportedMediaType, new ProblemDetails { Title = title, Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
}

/// <summary>422: well-formed values this caller or this state refuses, usually with field errors.</summary>
public sealed class UnprocessableProblem(ProblemDetails details)
    : StatusProblem(StatusCodes.Status422UnprocessableEntity, details), IEndpointMetadataProvider
{
    public UnprocessableProblem(string title, string detail)
        : this(new ProblemDetails { Title = title, Detail = detail })
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status422UnprocessableEntity, typeof(ProblemDetails));
}

/// <summary>
/// Why a row could not be loaded for a write: 404 when the id is not in this tenant, 412 when <c>If-Match</c> is stale.
/// One type for both, so every guarded write declares the pair and still has room in <c>Results&lt;…&gt;</c>.
/// </summary>
public sealed class MissingOrStale : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly StatusProblem problem;

    private MissingOrStale(StatusProblem problem) => this.problem = problem;

    public int? StatusCode => problem.StatusCode;

    public static MissingOrStale Missing(NotFoundProblem problem) => new(problem);

    public static MissingOrStale Stale(PreconditionFailedProblem problem) => new(problem);

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        NotFoundProblem.PopulateMetadata(method, builder);
        PreconditionFailedProblem.PopulateMetadata(method, builder);
    }
}
